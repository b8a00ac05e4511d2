import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { isDatasetName } from '../../core/dataset/types.js';
import { UserError } from '../../core/issues.js';
import { sql } from '../../core/sql/fragment.js';
import { importFile } from '../../ingest/import-file.js';
import { ApiError, ImportSummary, Site } from '../api/schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { canImport, Forbidden } from '../scope.js';
import { storeOf } from '../session-scope.js';

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
      query: z.object({ filename: z.string().default('upload.csv') }),
    },
    responses: {
      200: json(ImportSummary, 'what the import did'),
      400: json(ApiError, 'a file that is not the format'),
    },
  });
  app.openapi(upload, async (c) => {
    if (!canImport(principalOf(c))) throw new Forbidden('only the client’s admins import data');
    const { dataset } = c.req.valid('param');
    if (!isDatasetName(dataset)) throw new UserError(`unknown dataset ${dataset}`);
    const dir = await mkdtemp(join(tmpdir(), 'covenant-upload-'));
    try {
      const file = join(dir, basename(c.req.valid('query').filename));
      await writeFile(file, Buffer.from(await c.req.arrayBuffer()));
      const summary = await importFile(deps.store, dataset, file, { tenant: deps.tenant });
      deps.events.bump(`import ${dataset}`);
      return c.json({ ...summary, file: basename(file) }, 200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

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
