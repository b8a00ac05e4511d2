import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, ServerDeps } from '../deps.js';
import type { Principal } from '../scope.js';
import { findSession, findToken, tenantOfCredential } from './sessions.js';
import { findUser } from './users.js';

export const SESSION_COOKIE = 'covenant_session';
const OPEN = new Set([
  '/api/login',
  '/api/health',
  '/api/ready',
  '/api/openapi.json',
  '/api/docs',
  '/api/setup',
]);

/** Paths anyone may ask for: sign-in, the probes, the API document and its reference page's files. */
export const isOpen = (path: string) => OPEN.has(path) || path.startsWith('/api/docs/');

/**
 * Every /api request is authenticated here (a session cookie or a Bearer token), and
 * every state-changing request made with a cookie must carry its session's CSRF token.
 * Looked up on every request, not remembered: a removed user or revoked token stops at once.
 */
export function authenticate(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isOpen(c.req.path)) return next();
    const bearer = c.req.header('authorization')?.match(/^Bearer (.{1,300})$/)?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    const found = bearer || cookie ? await lookUp(deps, bearer, cookie?.slice(0, 300)) : null;
    if (!found) return c.json({ error: 'not signed in' }, 401);
    if (
      !bearer &&
      !['GET', 'HEAD'].includes(c.req.method) &&
      !same(c.req.header('x-csrf-token'), found.csrf)
    ) {
      return c.json({ error: 'missing or wrong x-csrf-token header' }, 403);
    }
    c.set('principal', found.principal);
    c.set('csrf', found.csrf);
    return next();
  };
}

const same = (given: string | undefined, expected: string | null) => {
  if (!given || !expected) return false;
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
};

interface Found {
  principal: Principal;
  csrf: string | null;
}

/**
 * The value names its tenant (sessions.ts); it is looked up in a session of that tenant
 * only: under row-level security the server's role sees users nowhere else.
 */
function lookUp(
  deps: ServerDeps,
  bearer: string | undefined,
  cookie: string | undefined,
): Promise<Found | null> | null {
  const value = bearer ?? cookie ?? '';
  const tenant = tenantOfCredential(value, bearer !== undefined);
  if (tenant === null) return null;
  return deps.store.withSession({ tenant }, async (db) => {
    let email: string | null = null;
    let csrf: string | null = null;
    if (bearer) {
      email = await findToken(db, tenant, bearer);
    } else if (cookie) {
      const session = await findSession(db, tenant, cookie);
      email = session?.email ?? null;
      csrf = session?.csrf ?? null;
    }
    const user = email ? await findUser(db, tenant, email) : null;
    if (!user) return null;
    const { passwordHash: _hash, ...visible } = user;
    return { principal: { tenant, user: visible }, csrf };
  });
}

export const principalOf = (c: Context<AppEnv>) => c.get('principal');

/** The caller's tenant: every route scopes its reads and writes by it (and only by it). */
export const tenantOf = (c: Context<AppEnv>): string => principalOf(c).tenant;
