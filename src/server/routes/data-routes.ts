import { basename } from 'node:path';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { isDatasetName } from '../../core/dataset/types.js';
import { importFile } from '../../ingest/import-file.js';
import { ApiError, ImportSummary, Site } from '../api/schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { tooLarge } from '../limits.js';
import { canImport, Forbidden } from '../scope.js';
import { storeOf } from '../session-scope.js';
import { listSites } from '../sites.js';
import { withUpload } from '../upload.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export function dataRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const upload = createRoute({
    method: 'post',
    path: '/api/imports/{dataset}',
    request: {
      params: z.object({ dataset: z.string() }),
      query: z.object({ filename: z.string().max(200).default('upload.csv') }),
    },
    responses: {
      200: json(ImportSummary, 'what the import did'),
      400: json(ApiError, 'a file that is not the format'),
      404: json(ApiError, 'no such dataset'),
      413: json(ApiError, 'a file larger than the server takes (--max-import-mb)'),
    },
  });
  app.openapi(upload, async (c) => {
    if (!canImport(principalOf(c))) throw new Forbidden('only the client’s admins import data');
    const { dataset } = c.req.valid('param');
    if (!isDatasetName(dataset)) throw new NotFound(`unknown dataset ${dataset}`);
    const filename = c.req.valid('query').filename;
    if (Number(c.req.header('content-length') ?? 0) > deps.importLimit) throw tooLarge(deps.importLimit);
    const body = c.req.raw.body as WebStream<Uint8Array> | null;
    // Streamed to disk under the cap; imported in a session of the tenant (the server's role sees nothing outside one).
    const summary = await withUpload(body, filename, deps.importLimit, (file) =>
      deps.store.withSession({ tenant: deps.tenant }, (db) =>
        importFile(db, dataset, file, { tenant: deps.tenant }),
      ),
    );
    deps.events.bump(`import ${dataset}`);
    return c.json({ ...summary, file: basename(filename) }, 200);
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sites',
      responses: { 200: json(z.array(Site), 'sites with their zone') },
    }),
    async (c) => {
      const rows = await listSites(storeOf(c, deps), deps.tenant);
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
