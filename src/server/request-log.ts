import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, ServerDeps } from './deps.js';

/** A caller's own request id is kept when it is a plain token (it is echoed and logged). */
const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Probes run every few seconds: their lines are debug, so `info` logs show real traffic. */
const PROBES = new Set(['/api/health', '/api/ready']);

/**
 * One JSON line per API request: id, method, path (no query string, no headers, no body),
 * status, time, who. The id is answered in x-request-id and carried by error lines.
 */
export function requestLog(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    if (!c.req.path.startsWith('/api')) return;
    const status = c.res.status;
    deps.log(PROBES.has(c.req.path) ? 'debug' : status >= 500 ? 'warn' : 'info', 'request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('principal')?.user.email,
    });
  };
}
