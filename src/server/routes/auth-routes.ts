import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie } from 'hono/cookie';
import { ApiError, Login, Me } from '../api/schemas.js';
import { principalOf, SESSION_COOKIE, tenantOf } from '../auth/middleware.js';
import { hashPassword, secret, verifyPassword } from '../auth/password.js';
import { deleteSession, tenantOfCredential } from '../auth/sessions.js';
import { startSession } from '../auth/start-session.js';
import { findTenant, tenantOfEmail } from '../auth/tenants.js';
import { findUser } from '../auth/users.js';
import { clientAddress } from '../client-address.js';
import type { AppEnv, ServerDeps } from '../deps.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/** A hash no password matches: an unknown email costs the same scrypt as a known one. */
let decoy: Promise<string> | undefined;

export function authRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const login = createRoute({
    method: 'post',
    path: '/api/login',
    operationId: 'login',
    summary: 'Sign in with an email and a password',
    tags: ['session'],
    request: { body: { content: { 'application/json': { schema: Login } }, required: true } },
    responses: {
      200: json(Me, 'signed in'),
      400: json(ApiError, 'not a JSON body with email and password'),
      401: json(ApiError, 'wrong email or password'),
      429: json(ApiError, 'too many attempts'),
    },
  });
  app.openapi(login, async (c) => {
    // Another content type skips the schema: refuse it here rather than crash on undefined.
    const { email, password } = (c.req.valid('json') ?? {}) as Partial<{ email: string; password: string }>;
    if (typeof email !== 'string' || typeof password !== 'string')
      return c.json({ error: 'send {"email", "password"} as application/json' }, 400);
    // Admitted (and counted) before any await: parallel guesses cannot all pass (rate-limit.ts).
    const attempt = deps.limiter.attempt(clientAddress(c, deps.trustProxy), email.toLowerCase());
    if (attempt.wait > 0) {
      c.header('Retry-After', String(Math.ceil(attempt.wait / 1000)));
      return c.json({ error: 'too many failed logins; try again later' }, 429);
    }
    let signedIn = false;
    try {
      decoy ??= hashPassword(secret());
      // E-mails are unique per server: the directory names the user's tenant.
      const tenant = await tenantOfEmail(deps.store, email);
      const user =
        tenant === null
          ? null
          : await deps.store.withSession({ tenant }, (db) => findUser(db, tenant, email));
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy));
      if (!user || !matches || tenant === null) return c.json({ error: 'wrong email or password' }, 401);
      const { csrf } = await startSession(c, deps, tenant, user.email);
      signedIn = true;
      const { passwordHash: _hash, ...visible } = user;
      return c.json({ user: visible, csrfToken: csrf, ...(await tenantAnswer(deps, tenant)) }, 200);
    } finally {
      attempt.done(signedIn);
    }
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me',
      operationId: 'getMe',
      summary: 'The signed-in user, their tenant and CSRF token',
      tags: ['session'],
      responses: { 200: json(Me, 'the signed-in user') },
    }),
    async (c) =>
      c.json(
        {
          user: principalOf(c).user,
          csrfToken: c.get('csrf') ?? '',
          ...(await tenantAnswer(deps, tenantOf(c))),
        },
        200,
      ),
  );

  app.post('/api/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const tenant = id ? tenantOfCredential(id, false) : null;
    if (id && tenant) await deps.store.withSession({ tenant }, (db) => deleteSession(db, tenant, id));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.secureCookies });
    return c.json({ ok: true });
  });
}

/** The tenant's part of the signed-in answer: its id, display name and demo mark. */
async function tenantAnswer(deps: ServerDeps, tenant: string) {
  const found = await findTenant(deps.store, tenant);
  return { tenant, tenantName: found?.name ?? tenant, isDemo: found?.isDemo ?? false };
}
