import { readFileSync } from 'node:fs';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { raw } from '../../core/sql/fragment.js';
import { apiDocument } from '../api/openapi-document.js';
import type { AppEnv, ServerDeps } from '../deps.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const Health = z.object({ ok: z.boolean() }).openapi('Health');
const Readiness = z.object({ ok: z.boolean(), error: z.string().optional() }).openapi('Readiness');

/** A store that does not answer within this is not ready (a probe must not hang). */
const READY_TIMEOUT_MS = 3_000;

const VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The probes (docs/deploy.md) and the document: open to anyone, no session. */
export function serviceRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      operationId: 'health',
      summary: 'Liveness: the process answers (touches no store)',
      tags: ['service'],
      responses: { 200: json(Health, 'alive') },
    }),
    (c) => c.json({ ok: true }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ready',
      operationId: 'ready',
      summary: 'Readiness: the store answers a trivial query',
      tags: ['service'],
      responses: {
        200: json(Readiness, 'ready: the store answered'),
        503: json(Readiness, 'not ready: the store did not answer (the reason is in the server log)'),
      },
    }),
    async (c) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          deps.store.query(raw('SELECT 1 AS ok')),
          new Promise((_, fail) => {
            timer = setTimeout(
              () => fail(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
              READY_TIMEOUT_MS,
            );
          }),
        ]);
        return c.json({ ok: true }, 200);
      } catch (error) {
        // The cause is logged, not answered: the probe is open to anyone.
        deps.log('warn', 'not ready: the store did not answer', {
          requestId: c.get('requestId'),
          error: (error as Error).message,
        });
        return c.json({ ok: false, error: 'the store did not answer' }, 503);
      } finally {
        clearTimeout(timer);
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This document (OpenAPI 3.1)',
      tags: ['service'],
      responses: { 200: json(z.record(z.string(), z.unknown()), 'the OpenAPI document') },
    }),
    (c) => c.json(apiDocument(app, VERSION) as unknown as Record<string, unknown>, 200),
  );
}
