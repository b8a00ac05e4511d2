import { basename } from 'node:path';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DATASET_NAMES, isDatasetName } from '../../core/dataset/types.js';
import { importFile } from '../../ingest/import-file.js';
import { storedMappingFactory } from '../../ingest/mapping-store.js';
import { ENCODINGS, readOptionsOf } from '../../ingest/read-options.js';
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

/** The file types the route reads (by the filename's extension; the content type is not needed). */
const UPLOAD_TYPES = [
  'text/csv',
  'application/x-ndjson',
  'application/json',
  'application/vnd.apache.parquet',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

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
    operationId: 'importData',
    summary: 'Import a file into a dataset (as covenant import)',
    description:
      'The body is the file itself, streamed to disk under the cap (--max-import-mb); `filename` names its format by extension (.csv, .ndjson/.jsonl/.json, .parquet, .xlsx), as the CLI reads it. Client admins only.',
    tags: ['data'],
    request: {
      params: z.object({
        // Documented as the enum, checked by the handler: another name answers 404 (no such dataset).
        dataset: z
          .string()
          .max(100)
          .openapi({
            enum: [...DATASET_NAMES],
            description: 'the dataset the rows go to (docs/importing.md)',
          }),
      }),
      query: z.object({
        filename: z
          .string()
          .max(255)
          .default('upload.csv')
          .openapi({ description: 'the file’s name: its extension names the format' }),
        // Bounded here, checked by readOptionsOf after the dataset (an unknown one answers 404 first).
        mapping: z.string().max(200).optional().openapi({
          description:
            'a stored mapping by name (covenant mapping apply), as `covenant import --mapping` takes a file: it turns a foreign export into the dataset',
        }),
        delimiter: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: 'CSV field separator (default ,; \\t for tab)' }),
        encoding: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: `text encoding: ${ENCODINGS.join(', ')}` }),
        decimal: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: 'decimal separator of numbers: . or ,' }),
        header: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: 'the row (from 1) holding the column names' }),
        sheet: z
          .string()
          .max(100)
          .optional()
          .openapi({ description: 'XLSX: the worksheet, by name or number from 1' }),
      }),
      // Plain schemas, not zod: the body streams to disk unparsed (a zod JSON schema would be read whole).
      body: {
        required: true,
        description: 'the file, as bytes',
        content: Object.fromEntries(
          UPLOAD_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      },
    },
    responses: {
      200: json(ImportSummary, 'what the import did (as `covenant import --format json`)'),
      400: json(
        ApiError,
        'a file that is not the format, an unknown dataset, or a mapping that does not fit',
      ),
      403: json(ApiError, 'not a client admin'),
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
