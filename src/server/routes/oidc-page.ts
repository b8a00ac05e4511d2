import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The page a refused or failed single sign-on lands on: the reason in words and the way
 * back. No script or style (the server's CSP allows neither inline).
 */
export function signInRefused(c: Context<AppEnv>, status: 400 | 403 | 404 | 429 | 502, reason: string) {
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused · Covenant</title></head>
<body><main><h1>Sign-in refused</h1><p data-testid="sso-error">${escapeHtml(reason)}</p>
<p><a href="/#/login">Back to sign-in</a></p></main></body></html>`,
    status,
  );
}
