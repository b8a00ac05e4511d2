import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { UserError } from '../core/issues.js';
import { StoreBusy } from '../store/store.js';
import type { AppEnv, ServerDeps } from './deps.js';
import { Forbidden } from './scope.js';

export class NotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}

/** Input errors say what was wrong (400), refusals 403, hidden or missing things 404; the rest 500, logged. */
export const onError = (deps: ServerDeps) => (error: Error, c: Context<AppEnv>) => {
  if (error instanceof HTTPException) return error.getResponse();
  if (error instanceof UserError) return c.json({ error: error.message, issues: error.issues }, 400);
  if (error instanceof Forbidden) return c.json({ error: error.message }, 403);
  if (error instanceof NotFound) return c.json({ error: error.message }, 404);
  // Another process (a CLI import) holds the DuckDB file longer than a request waits.
  if (error instanceof StoreBusy)
    return c.json(
      { error: 'the store is busy with another process (e.g. an import); try again shortly' },
      503,
      {
        'Retry-After': String(error.retryAfterSeconds),
      },
    );
  deps.log('error', 'request failed', {
    requestId: c.get('requestId'),
    path: c.req.path,
    error: error.message,
  });
  return c.json({ error: 'internal error', requestId: c.get('requestId') }, 500);
};
