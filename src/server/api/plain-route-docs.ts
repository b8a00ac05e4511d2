import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../deps.js';
import { ApiError } from './common-schemas.js';

/**
 * Routes written as plain Hono handlers (a cookie to clear, a stream), documented here.
 * openapi-lint.test.ts fails when a registered route is missing from the document, so
 * a plain route cannot be added without its entry.
 */
export function documentPlainRoutes(app: OpenAPIHono<AppEnv>): void {
  const registry = app.openAPIRegistry;
  registry.registerPath({
    method: 'post',
    path: '/api/logout',
    operationId: 'logout',
    summary: 'Sign out: end the session and clear its cookie',
    tags: ['session'],
    responses: {
      200: {
        description: 'signed out',
        content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
      },
      401: { description: 'not signed in', content: { 'application/json': { schema: ApiError } } },
    },
  });
  const DataVersion = z
    .object({
      version: z.number().int().describe('grows after every change to the data (imports, decisions)'),
    })
    .openapi('DataVersion');
  registry.registerPath({
    method: 'get',
    path: '/api/data-version',
    operationId: 'getDataVersion',
    summary: 'The data version: a number that grows after every change to the data',
    tags: ['data'],
    responses: {
      200: { description: 'the version', content: { 'application/json': { schema: DataVersion } } },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/events',
    operationId: 'streamEvents',
    summary: 'Server-sent events: the data version whenever it changes',
    description:
      'A text/event-stream that stays open: a `data-version` event at once and after every change ({"version": n}, the version only), and a `ping` event every 15 s. The server ends the stream when it stops; reconnect (EventSource does).',
    tags: ['data'],
    responses: {
      200: {
        description: 'the stream',
        content: {
          'text/event-stream': {
            schema: z.string().openapi({ example: 'event: data-version\ndata: {"version":12}\n\n' }),
          },
        },
      },
    },
  });
}
