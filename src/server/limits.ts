import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import type { AppEnv, ServerDeps } from './deps.js';

/**
 * Routes with limits of their own: uploads stream to disk under their cap, RFP responses
 * take JSON or YAML up to 8 MiB (rfp-submission-checks.ts), the event stream is long by design.
 */
const OWN_LIMITS = ['/api/imports/', '/api/events'];
const RFP_RESPONSES = /^\/api\/rfps\/[^/]+\/responses$/;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const tooLarge = (limit: number) =>
  new HTTPException(413, {
    res: Response.json({ error: `the request body is larger than ${limit} bytes` }, { status: 413 }),
  });

/**
 * Every body is bounded before it is read (413, even before sign-in), and every request
 * answers within the timeout (503): a slow query cannot hold a client past it.
 */
export function requestLimits(deps: ServerDeps): MiddlewareHandler<AppEnv> {
  const body = bodyLimit({
    maxSize: deps.bodyLimit,
    onError: () => Promise.reject(tooLarge(deps.bodyLimit)),
  });
  const timed = timeout(
    deps.requestTimeoutMs,
    () =>
      new HTTPException(503, {
        res: Response.json(
          { error: `the request took longer than ${deps.requestTimeoutMs / 1000} s; ask for less` },
          { status: 503 },
        ),
      }),
  );
  return async (c, next) => {
    if (
      OWN_LIMITS.some((path) => c.req.path.startsWith(path)) ||
      (c.req.method === 'POST' && RFP_RESPONSES.test(c.req.path))
    )
      return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    const hasBody =
      Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    // The setup page's form posts without script (routes/setup-routes.ts): a form body there too.
    const form = c.req.path === '/api/setup' && type === 'application/x-www-form-urlencoded';
    if (WITH_BODY.has(c.req.method) && hasBody && type !== 'application/json' && !form)
      return c.json({ error: `send the body as application/json, not ${type || 'no content type'}` }, 415);
    return body(c, async () => {
      await timed(c, next);
    });
  };
}
