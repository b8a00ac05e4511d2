import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { API_DOCS_HTML } from './api-docs.js';
import type { AppEnv, ServerDeps } from './deps.js';

/**
 * Security headers on every answer (docs/security.md). The dashboard is one origin's
 * scripts and styles: no inline script anywhere, style attributes only (charts set them),
 * no framing. The API reference page's one inline script and style are allowed by hash.
 */
const inline = (tag: 'script' | 'style') => {
  const body = API_DOCS_HTML.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? '';
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
};

const policy = (script: string, style: string) =>
  [
    "default-src 'self'",
    `script-src ${script}`,
    `style-src ${style}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const DASHBOARD_CSP = policy("'self'", "'self'");
const DOCS_CSP = policy(inline('script'), inline('style'));

export function securityHeaders(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', c.req.path === '/api/docs' ? DOCS_CSP : DASHBOARD_CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (c.req.path.startsWith('/api/') && !h.has('cache-control')) h.set('Cache-Control', 'no-store');
    if (deps.secureCookies) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
