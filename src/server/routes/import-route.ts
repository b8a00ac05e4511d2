import { basename } from 'node:path';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isDatasetName } from '../../core/dataset/types.js';
import { importFile } from '../../ingest/import-file.js';
import { storedMappingFactory } from '../../ingest/mapping-store.js';
import { readOptionsOf } from '../../ingest/read-options.js';
import { ApiError, ImportSummary } from '../api/schemas.js';
import { principalOf, tenantOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { NotFound } from '../errors.js';
import { tooLarge } from '../limits.js';
import { canImport, Forbidden } from '../scope.js';
import { withUpload } from '../upload.js';

const json = <T>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

/**
 * `POST /api/imports/{dataset}`: the body streams to a temporary file (never whole in
 * memory) and is refused with 413 past the cap, before or while it arrives; then the
 * file imports as `covenant import` would, through a stored mapping when one is named,
 * and the answer is the CLI's summary.
 */
export function importRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  const upload = createRoute({
    method: 'post',
    path: '/api/imports/{dataset}',
    request: {
      params: z.object({ dataset: z.string() }),
      query: z.object({
        filename: z.string().max(255).default('upload.csv'),
        // Bounded here, checked by readOptionsOf after the dataset (an unknown one answers 404 first).
        mapping: z.string().max(200).optional(),
        delimiter: z.string().max(100).optional(),
        encoding: z.string().max(100).optional(),
        decimal: z.string().max(100).optional(),
        header: z.string().max(100).optional(),
        sheet: z.string().max(100).optional(),
      }),
    },
    responses: {
      200: json(ImportSummary, 'what the import did (as `covenant import --format json`)'),
      400: json(ApiError, 'a file that is not the format, or a mapping that does not fit'),
      404: json(ApiError, 'no such dataset'),
      413: json(ApiError, 'the upload is larger than the cap (--max-import-mb)'),
    },
  });
  app.openapi(upload, async (c) => {
    if (!canImport(principalOf(c))) throw new Forbidden('only the client’s admins import data');
    const { dataset } = c.req.valid('param');
    const { filename, mapping: name, ...flags } = c.req.valid('query');
    if (!isDatasetName(dataset)) throw new NotFound(`unknown dataset ${dataset}`);
    if (Number(c.req.header('content-length') ?? 0) > deps.importLimit) throw tooLarge(deps.importLimit);
    const read = readOptionsOf(flags);
    // Streamed to disk under the cap; read and imported in a session of the tenant (the
    // server's role sees nothing outside one).
    const body = c.req.raw.body as WebStream<Uint8Array> | null;
    const summary = await withUpload(body, filename, deps.importLimit, (file) =>
      deps.store.withSession({ tenant: tenantOf(c) }, async (db) => {
        const mapping = name === undefined ? undefined : await storedMappingFactory(db, tenantOf(c), name);
        return importFile(db, dataset, file, { tenant: tenantOf(c), mapping, read });
      }),
    );
    deps.events.bump(`import ${dataset}`);
    return c.json({ ...summary, file: basename(filename) }, 200);
  });
}
