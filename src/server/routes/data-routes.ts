import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { sql } from '../../core/sql/fragment.js';
import { Site } from '../api/schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { storeOf } from '../session-scope.js';
import { importRoute } from './import-route.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export function dataRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  // The upload streams to disk with a size cap (import-route.ts).
  importRoute(app, deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sites',
      responses: { 200: json(z.array(Site), 'sites with their zone') },
    }),
    async (c) => {
      const rows = await storeOf(c, deps).query<{ site: string; vendor: string; timezone: string }>(
        sql`SELECT site, vendor, timezone FROM sites WHERE tenant = ${deps.tenant} ORDER BY site`,
      );
      const user = principalOf(c).user;
      return c.json(user.kind === 'client' ? rows : rows.filter((r) => r.vendor === user.organisation), 200);
    },
  );

  app.get('/api/data-version', (c) => c.json({ version: deps.events.version }));

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      await stream.writeSSE({
        event: 'data-version',
        data: JSON.stringify({ version: deps.events.version }),
      });
      const stop = deps.events.subscribe((event) => {
        void stream.writeSSE({ event: 'data-version', data: JSON.stringify(event) });
      });
      stream.onAbort(stop);
      while (!stream.aborted)
        await stream.sleep(15_000).then(() => stream.writeSSE({ event: 'ping', data: '{}' }));
      stop();
    }),
  );
}
