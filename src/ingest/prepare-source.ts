import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { UserError } from '../core/issues.js';
import type { Encoding, ReadOptions } from './read-options.js';
import type { SourceFormat } from './source-format.js';

/**
 * Turns a file as a vendor exports it (Windows-1252, UTF-16, a title above the header,
 * a spreadsheet) into what the importer reads: UTF-8 text whose first line is the
 * header. Streams in and out, so a file of any size passes in constant memory.
 */
export interface PreparedSource {
  file: string;
  format: SourceFormat;
  delimiter: string;
  /** JSON: the key of the records' array in a one-document file. */
  records?: string;
  /** Physical lines dropped above the header: added back to reject line numbers. */
  lineOffset: number;
  cleanup(): Promise<void>;
}

export async function prepareSource(
  file: string,
  format: SourceFormat,
  read: ReadOptions,
): Promise<PreparedSource> {
  const delimiter = read.delimiter === '\\t' ? '\t' : (read.delimiter ?? ',');
  const header = read.header ?? 1;
  const encoding: Encoding = read.encoding ?? 'utf-8';
  const same = {
    file,
    format,
    delimiter,
    lineOffset: 0,
    ...(read.records === undefined ? {} : { records: read.records }),
    cleanup: async () => undefined,
  };
  if (read.records !== undefined && format !== 'ndjson') {
    throw new UserError(`${file}: records applies to JSON files only`);
  }
  if (format === 'xlsx')
    return withTemp((out) => xlsxToCsv(file, out, read.sheet, header), 'csv', ',', header - 1);
  if (format !== 'csv') {
    if (read.delimiter || read.header || read.sheet || (read.encoding && read.encoding !== 'utf-8')) {
      throw new UserError(`${file}: delimiter, encoding, header and sheet apply to CSV and XLSX files only`);
    }
    return same;
  }
  if (read.sheet !== undefined) throw new UserError(`${file}: --sheet applies to XLSX files only`);
  if (encoding === 'utf-8' && header === 1) return same;
  return withTemp((out) => transcode(file, out, encoding, header - 1), 'csv', delimiter, header - 1);
}

async function withTemp(
  write: (out: string) => Promise<void>,
  format: SourceFormat,
  delimiter: string,
  lineOffset: number,
): Promise<PreparedSource> {
  const dir = await mkdtemp(join(tmpdir(), 'covenant-source-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const out = join(dir, 'source.csv');
  try {
    await write(out);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { file: out, format, delimiter, lineOffset, cleanup };
}

/** Decodes `encoding` to UTF-8, dropping the first `skip` lines. UTF-16 must start with its BOM. */
async function transcode(file: string, out: string, encoding: Encoding, skip: number): Promise<void> {
  let decoder: TextDecoder | null =
    encoding === 'utf-16' ? null : new TextDecoder(encoding, { fatal: false });
  const output = createWriteStream(out, { encoding: 'utf8' });
  let skipped = 0;
  const emit = (text: string) => {
    let rest = text;
    while (skipped < skip && rest.length > 0) {
      const newline = rest.indexOf('\n');
      if (newline === -1) return;
      rest = rest.slice(newline + 1);
      skipped += 1;
    }
    if (rest.length > 0 && !output.write(rest)) return rest;
    return undefined;
  };
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    if (!decoder) {
      const bom = chunk.subarray(0, 2);
      const le = bom[0] === 0xff && bom[1] === 0xfe;
      const be = bom[0] === 0xfe && bom[1] === 0xff;
      if (!le && !be)
        throw new UserError(`${file}: UTF-16 needs a byte-order mark (FF FE or FE FF) at the start`);
      decoder = new TextDecoder(le ? 'utf-16le' : 'utf-16be');
    }
    if (emit(decoder.decode(chunk, { stream: true })) !== undefined) {
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  }
  emit(decoder?.decode() ?? '');
  output.end();
  await finished(output);
}

const quoteCsv = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** A cell as text: numbers as written by JavaScript (a dot decimal), dates as ISO 8601, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Streams one worksheet to CSV from the header row on (the workbook is never whole in memory). */
async function xlsxToCsv(
  file: string,
  out: string,
  sheet: string | number | undefined,
  header: number,
): Promise<void> {
  const output = createWriteStream(out, { encoding: 'utf8' });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  let index = 0;
  let found = false;
  const names: string[] = [];
  for await (const worksheet of reader) {
    index += 1;
    const ws = worksheet as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
    const name = (ws as unknown as { name?: string }).name ?? String(index);
    names.push(name);
    const wanted =
      sheet === undefined ? index === 1 : typeof sheet === 'number' ? index === sheet : name === sheet;
    if (!wanted || found) {
      for await (const _row of ws) {
        // drain the sheet: the reader emits sheets in order
      }
      continue;
    }
    found = true;
    let width = 0;
    for await (const row of ws) {
      if (row.number < header) continue;
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      if (row.number === header) width = values.length;
      const cells = Array.from({ length: Math.max(width, values.length) }, (_, i) => cellText(values[i]));
      // Blank rows between the header and the data are skipped, as a spreadsheet shows them.
      if (row.number > header && cells.every((c) => c === '')) continue;
      if (!output.write(`${cells.map(quoteCsv).join(',')}\n`)) {
        await new Promise<void>((resolve) => output.once('drain', () => resolve()));
      }
    }
  }
  output.end();
  await finished(output);
  if (!found) {
    throw new UserError(
      `${file}: no sheet ${sheet ?? 1}; the workbook has ${names.join(', ') || 'no sheets'}`,
    );
  }
}
