import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Parses the header record of an RFC 4180 file (BOM, CRLF and quoted names allowed).
 * Only the header is parsed here; DuckDB parses the data.
 */
export function parseCsvHeader(head: Buffer, delimiter = ','): string[] {
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      names.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      break;
    } else field += ch;
  }
  names.push(field);
  return names.map((name) => name.trim());
}

/**
 * Maps record ordinals (1 = header, as DuckDB counts them) to the physical line where each
 * record starts, for files whose quoted fields hold line breaks. Reads the file once,
 * byte by byte, only when an import has rejects to report.
 */
export async function recordStartLines(file: string, ordinals: number[]): Promise<Map<number, number>> {
  const wanted = [...new Set(ordinals)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  if (wanted.length === 0) return found;
  let next = 0;
  let record = 1;
  let line = 1;
  let quoted = false;
  if (wanted[0] === 1) {
    found.set(1, 1);
    next = 1;
  }
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length && next < wanted.length; i += 1) {
      const byte = chunk[i] as number;
      if (byte === QUOTE) quoted = !quoted;
      // CRLF files end lines with LF too; a quote toggles, so "" inside a field toggles twice.
      else if (byte === LF) {
        line += 1;
        if (!quoted) {
          record += 1;
          if (record === wanted[next]) {
            found.set(record, line);
            next += 1;
          }
        }
      }
    }
    if (next >= wanted.length) break;
  }
  return found;
}
