import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { type Issue, UserError } from '../core/issues.js';
import { tooLarge } from './limits.js';

/**
 * An upload streamed to a temporary file under a byte cap (413 past it, before the rest
 * is read), handed to `use`, then removed. Errors name the uploaded file, never the
 * server's temporary directory.
 */
export async function withUpload<T>(
  body: WebStream<Uint8Array> | null,
  filename: string,
  limit: number,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'covenant-upload-'));
  const name =
    basename(filename)
      .replace(/[^\w.-]/g, '_')
      .slice(0, 100) || 'upload.csv';
  const file = join(dir, name);
  try {
    let size = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limit ? tooLarge(limit) : null, chunk);
      },
    });
    await pipeline(body ? Readable.fromWeb(body) : Readable.from([]), cap, createWriteStream(file));
    return await use(file);
  } catch (error) {
    throw error instanceof UserError ? withoutDir(error, `${dir}/`) : error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function withoutDir(error: UserError, dir: string): UserError {
  const clean = (text: string) => text.split(dir).join('');
  const issues: Issue[] = error.issues.map((i) => ({
    ...i,
    message: clean(i.message),
    ...(i.file ? { file: clean(i.file) } : {}),
  }));
  return new UserError(clean(error.message), issues);
}
