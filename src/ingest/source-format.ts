import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError } from '../core/issues.js';

export type SourceFormat = 'csv' | 'ndjson' | 'parquet' | 'xlsx';

const EXTENSIONS: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'ndjson',
  '.parquet': 'parquet',
  '.xlsx': 'xlsx',
};

/**
 * Names the format from the file name and refuses, before anything is read into the
 * store, a file that cannot be that format at all: missing, empty, or binary where text
 * is expected.
 */
export async function detectFormat(file: string): Promise<SourceFormat> {
  const format = EXTENSIONS[extname(file).toLowerCase()];
  if (!format) {
    throw new UserError(`${file}: unknown file type; expected .csv, .ndjson (or .jsonl), .parquet or .xlsx`);
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UserError(`${file}: no such file`);
  if (info.size === 0) throw new UserError(`${file}: the file is empty; expected a header row and data`);
  const head = await readHead(file, 65_536);
  if (format === 'xlsx') {
    // An XLSX workbook is a ZIP archive.
    if (head.subarray(0, 2).toString('latin1') !== 'PK') {
      throw new UserError(`${file}: not an XLSX workbook (it is not a ZIP archive)`);
    }
  } else if (format === 'parquet') {
    if (head.subarray(0, 4).toString('latin1') !== 'PAR1') {
      throw new UserError(`${file}: not a Parquet file (it does not start with the PAR1 marker)`);
    }
  } else if (
    head.includes(0) &&
    !(head[0] === 0xff && head[1] === 0xfe) &&
    !(head[0] === 0xfe && head[1] === 0xff)
  ) {
    // UTF-16 text is full of NUL bytes; it is recognised by its byte-order mark.
    throw new UserError(
      `${file}: binary content (NUL bytes) where ${format.toUpperCase()} text was expected`,
    );
  }
  return format;
}

export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
