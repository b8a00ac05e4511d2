import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { isDatasetName } from '../../core/dataset/types.js';
import { UserError } from '../../core/issues.js';
import { importFile } from '../../ingest/import-file.js';
import { storedMappingFactory } from '../../ingest/mapping-store.js';
import { readOptionsOf } from '../../ingest/read-options.js';
import { ApiError, ImportSummary } from '../api/schemas.js';
import { principalOf } from '../auth/middleware.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { canImport, Forbidden } from '../scope.js';

/** The default cap of one upload; COVENANT_IMPORT_MAX_BYTES changes it. */
export const DEFAULT_IMPORT_MAX_BYTES = 512 * 1024 * 1024;

export function importMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.COVENANT_IMPORT_MAX_BYTES;
  const value = text === undefined ? DEFAULT_IMPORT_MAX_BYTES : Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new UserError(`COVENANT_IMPORT_MAX_BYTES=${text}: expected a whole number of bytes`);
  }
  return value;
}

class TooLarge extends Error {}

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
export function importRoute(app: OpenAPIHono<AppEnv>, deps: ServerDeps, maxBytes = importMaxBytes()): void {
  const upload = createRoute({
    method: 'post',
    path: '/api/imports/{dataset}',
    request: {
      params: z.object({ dataset: z.string() }),
      query: z.object({
        filename: z.string().max(255).default('upload.csv'),
        mapping: z.string().max(200).optional(),
        delimiter: z.string().max(2).optional(),
        encoding: z.string().max(20).optional(),
        decimal: z.string().max(1).optional(),
        header: z.string().max(4).optional(),
        sheet: z.string().max(100).optional(),
      }),
    },
    responses: {
      200: json(ImportSummary, 'what the import did (as `covenant import --format json`)'),
      400: json(ApiError, 'a file that is not the format, or a mapping that does not fit'),
      413: json(ApiError, 'the upload is larger than the cap (COVENANT_IMPORT_MAX_BYTES)'),
    },
  });
  app.openapi(upload, async (c) => {
    if (!canImport(principalOf(c))) throw new Forbidden('only the client’s admins import data');
    const { dataset } = c.req.valid('param');
    const { filename, mapping: name, ...flags } = c.req.valid('query');
    if (!isDatasetName(dataset)) throw new UserError(`unknown dataset ${dataset}`);
    const tooLarge = () => c.json({ error: `the upload is larger than ${maxBytes} bytes` }, 413);
    const declared = Number(c.req.header('content-length') ?? 'NaN');
    if (declared > maxBytes) return tooLarge();
    const read = readOptionsOf(flags);
    const mapping =
      name === undefined ? undefined : await storedMappingFactory(deps.store, deps.tenant, name);
    const dir = await mkdtemp(join(tmpdir(), 'covenant-upload-'));
    try {
      const file = join(dir, basename(filename));
      const body = c.req.raw.body;
      if (!body) throw new UserError('the upload is empty; send the file as the request body');
      try {
        await pipeline(Readable.fromWeb(body as never), capped(maxBytes), createWriteStream(file));
      } catch (error) {
        if (error instanceof TooLarge) return tooLarge();
        throw error;
      }
      const summary = await importFile(deps.store, dataset, file, { tenant: deps.tenant, mapping, read });
      deps.events.bump(`import ${dataset}`);
      return c.json({ ...summary, file: basename(file) }, 200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** Passes bytes through until `max`, then fails the pipeline (which stops reading the body). */
function capped(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > max ? new TooLarge() : null, seen > max ? undefined : chunk);
    },
  });
}
