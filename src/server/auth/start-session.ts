import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv, ServerDeps } from '../deps.js';
import { SESSION_COOKIE } from './middleware.js';
import { createSession } from './sessions.js';

/** Starts a session for the tenant's user and sets its cookie: password and single sign-on alike. */
export async function startSession(
  c: Context<AppEnv>,
  deps: ServerDeps,
  tenant: string,
  email: string,
): Promise<{ id: string; csrf: string }> {
  const session = await deps.store.withSession({ tenant }, (db) => createSession(db, tenant, email));
  setCookie(c, SESSION_COOKIE, session.id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: deps.secureCookies,
  });
  return session;
}
