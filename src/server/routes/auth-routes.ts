import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError, Login, Me } from '../api/schemas.js';
import { principalOf, SESSION_COOKIE, sessionKey } from '../auth/middleware.js';
import { verifyPassword } from '../auth/password.js';
import { createSession, deleteSession } from '../auth/sessions.js';
import { findUser } from '../auth/users.js';
import type { AppEnv, ServerDeps } from '../deps.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export function authRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const login = createRoute({
    method: 'post',
    path: '/api/login',
    request: { body: { content: { 'application/json': { schema: Login } }, required: true } },
    responses: {
      200: json(Me, 'signed in'),
      401: json(ApiError, 'wrong email or password'),
      429: json(ApiError, 'too many attempts'),
    },
  });
  app.openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const address = remoteAddress(c);
    const keys = [`ip:${address}`, `email:${email.toLowerCase()}`];
    const wait = deps.limiter.retryAfter(keys);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return c.json({ error: 'too many failed logins; try again later' }, 429);
    }
    const user = await findUser(deps.store, deps.tenant, email);
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      deps.limiter.fail(keys);
      return c.json({ error: 'wrong email or password' }, 401);
    }
    deps.limiter.succeed(keys);
    const session = await createSession(deps.store, deps.tenant, user.email);
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: deps.secureCookies,
    });
    const { passwordHash: _hash, ...visible } = user;
    return c.json({ user: visible, csrfToken: session.csrf, tenant: deps.tenant }, 200);
  });

  app.openapi(
    createRoute({ method: 'get', path: '/api/me', responses: { 200: json(Me, 'the signed-in user') } }),
    (c) => c.json({ user: principalOf(c).user, csrfToken: c.get('csrf') ?? '', tenant: deps.tenant }, 200),
  );

  app.post('/api/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await deleteSession(deps.store, deps.tenant, id);
    deps.sessions.forget(sessionKey(undefined, id));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });
}

/** The caller's address for rate limiting ('local' when there is no socket, as in tests). */
function remoteAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
