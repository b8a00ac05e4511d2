import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServerDeps } from './deps.js';

/**
 * Security headers on every answer (docs/security.md). The dashboard and the API reference
 * page (api-docs.ts: Swagger UI from this server) are one origin's scripts and styles: no
 * inline script anywhere, style attributes only (charts and Swagger UI set them), no framing.
 */
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

export function securityHeaders(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', DASHBOARD_CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (c.req.path.startsWith('/api/') && !h.has('cache-control')) h.set('Cache-Control', 'no-store');
    if (deps.secureCookies) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}
