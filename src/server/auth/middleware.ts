import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, ServerDeps } from '../deps.js';
import type { Principal } from '../scope.js';
import { findSession, findToken } from './sessions.js';
import { findUser } from './users.js';

export const SESSION_COOKIE = 'covenant_session';
const OPEN = new Set(['/api/login', '/api/health', '/api/openapi.json', '/api/docs']);

/**
 * Every /api request is authenticated here (a session cookie or a Bearer token), and
 * every state-changing request made with a cookie must carry its session's CSRF token.
 */
export function authenticate(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  const recent = deps.sessions;
  return async (c, next) => {
    if (OPEN.has(c.req.path)) return next();
    const bearer = c.req.header('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const id = sessionKey(bearer, getCookie(c, SESSION_COOKIE));
    const found = recent.get(id) ?? recent.put(id, await lookUp(deps, bearer, getCookie(c, SESSION_COOKIE)));
    if (!found) return c.json({ error: 'not signed in' }, 401);
    if (!bearer && !['GET', 'HEAD'].includes(c.req.method) && c.req.header('x-csrf-token') !== found.csrf) {
      return c.json({ error: 'missing or wrong x-csrf-token header' }, 403);
    }
    c.set('principal', found.principal);
    c.set('csrf', found.csrf);
    return next();
  };
}

interface Found {
  principal: Principal;
  csrf: string | null;
}

async function lookUp(
  deps: ServerDeps,
  bearer: string | undefined,
  cookie: string | undefined,
): Promise<Found | null> {
  const { store, tenant } = deps;
  let email: string | null = null;
  let csrf: string | null = null;
  if (bearer) {
    email = await findToken(store, tenant, bearer);
  } else if (cookie) {
    const session = await findSession(store, tenant, cookie);
    email = session?.email ?? null;
    csrf = session?.csrf ?? null;
  }
  const user = email ? await findUser(store, tenant, email) : null;
  if (!user) return null;
  const { passwordHash: _hash, ...visible } = user;
  return { principal: { tenant, user: visible }, csrf };
}

/**
 * Who a session or token is, remembered for a few seconds so a dashboard's burst of
 * requests does not query the store for each (a logout forgets at once).
 */
export class SessionCache {
  private readonly entries = new Map<string, { found: Found; until: number }>();

  constructor(private readonly ttlMs = 10_000) {}

  get(id: string): Found | null {
    const entry = this.entries.get(id);
    if (!entry || entry.until < Date.now()) return null;
    return entry.found;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  put(id: string, found: Found | null): Found | null {
    if (found) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(id, { found, until: Date.now() + this.ttlMs });
    }
    return found;
  }
}

export const sessionKey = (bearer: string | undefined, cookie: string | undefined) =>
  bearer ? `token:${bearer}` : `session:${cookie ?? ''}`;

export const principalOf = (c: Context<AppEnv>) => c.get('principal');
