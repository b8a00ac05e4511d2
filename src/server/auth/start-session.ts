import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv, ServerDeps } from '../deps.js';
import { SESSION_COOKIE } from './middleware.js';
import { createSession } from './sessions.js';

/**
 * Starts a session for a user of a tenant and sets its cookie: the one way every sign-in
 * (password, OpenID Connect, the setup link) ends. The caller has verified who they are.
 * Returns the session's CSRF token, which state-changing requests must echo.
 */
export async function startSession(
  c: Context<AppEnv>,
  deps: ServerDeps,
  tenant: string,
  email: string,
): Promise<{ csrf: string }> {
  const session = await deps.store.withSession({ tenant }, (db) => createSession(db, tenant, email));
  setCookie(c, SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: deps.secureCookies,
  });
  return { csrf: session.csrf };
}
