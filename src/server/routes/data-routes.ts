import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { Site } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { storeOf } from '../session-scope.js';
import { listSites } from '../sites.js';
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
      operationId: 'listSites',
      summary: 'Sites with their zone',
      tags: ['data'],
      responses: { 200: json(z.array(Site), 'sites with their zone') },
    }),
    async (c) => {
      const rows = await listSites(storeOf(c, deps), tenantOf(c));
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
      // The version only: a change's reason names contracts and proposals of other vendors.
      const stop = deps.events.subscribe((event) => {
        void stream.writeSSE({ event: 'data-version', data: JSON.stringify({ version: event.version }) });
      });
      // Open until the client goes or the server stops (graceful shutdown ends every stream).
      await new Promise<void>((done) => {
        const ping = setInterval(() => void stream.writeSSE({ event: 'ping', data: '{}' }), 15_000);
        const finish = () => {
          clearInterval(ping);
          unsubscribe();
          done();
        };
        const unsubscribe = deps.events.onShutdown(finish);
        stream.onAbort(finish);
        if (deps.events.closing || stream.aborted) finish();
      });
      stop();
      await stream.close();
    }),
  );
}
