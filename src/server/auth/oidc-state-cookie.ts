import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, ServerDeps } from '../deps.js';
import { LOGIN_MINUTES } from './oidc-logins.js';

/**
 * Binds a sign-in to the browser that started it: the callback's state must equal the
 * one in this cookie (HttpOnly, only sent to the callback, gone after LOGIN_MINUTES), so
 * no one can make a victim's browser finish the attacker's sign-in. The cookie also says
 * which tenant's store holds the sign-in; the state itself is checked there (single use).
 * SameSite=Lax: the provider's redirect back is a cross-site top-level GET.
 */
export const STATE_COOKIE = 'covenant_oidc';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

export function setStateCookie(c: Context<AppEnv>, deps: ServerDeps, tenant: string, state: string): void {
  setCookie(c, STATE_COOKIE, Buffer.from(JSON.stringify([tenant, state])).toString('base64url'), {
    httpOnly: true,
    sameSite: 'Lax',
    path: CALLBACK_PATH,
    maxAge: LOGIN_MINUTES * 60,
    secure: deps.secureCookies,
  });
}

/** The cookie's tenant when its state is the callback's; null otherwise. Clears the cookie. */
export function tenantOfState(c: Context<AppEnv>, deps: ServerDeps, state: string): string | null {
  const raw = getCookie(c, STATE_COOKIE);
  deleteCookie(c, STATE_COOKIE, { path: CALLBACK_PATH, secure: deps.secureCookies });
  if (!raw || raw.length > 1000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
  const [a, b] = [Buffer.from(parsed[1]), Buffer.from(state)];
  return a.length === b.length && timingSafeEqual(a, b) ? parsed[0] : null;
}
