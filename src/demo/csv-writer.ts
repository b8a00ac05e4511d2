/**
 * A CSV file written in big chunks: generators append finished lines, which go into
 * megabyte byte buffers; between units of work (a day, an agent) the filled buffers go to
 * a file stream, waiting for it to drain, so memory stays bounded at any scale.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { csvField } from '../core/export/csv.js';

const CHUNK = 1 << 20;

// Generated import data is read by machines, not spreadsheets: quoting only, no formula guard.
export { csvField };

/** Money as exact two-decimal text from integer cents (`1250` -> `12.50`). */
export function moneyText(cents: number): string {
  const c = Math.round(cents);
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  const frac = a % 100;
  return `${sign}${(a - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
}

export class CsvWriter {
  rows = 0;
  private cur = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  /** Filled chunks waiting for the next flush. */
  private full: Buffer[] = [];
  private readonly stream: WriteStream;

  constructor(
    readonly file: string,
    header: readonly string[],
  ) {
    this.stream = createWriteStream(file);
    this.put(`${header.map(csvField).join(',')}\n`);
  }

  /** Appends one finished line (fields already joined, ending in `\n`). */
  line(text: string): void {
    this.put(text);
    this.rows++;
  }

  /** Call between units of work: writes the chunks filled so far, waiting for the disk. */
  async maybeFlush(): Promise<void> {
    if (this.full.length > 0) await this.drainFull();
  }

  async flush(): Promise<void> {
    this.rotate(0);
    await this.drainFull();
  }

  /** Stops writing after a failure elsewhere; the partial file is left for the caller to remove. */
  abort(): void {
    this.full = [];
    this.stream.destroy();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  // Rows go straight into a byte buffer: no long string ropes for the garbage collector.
  private put(text: string): void {
    if (this.pos + text.length * 3 > this.cur.length) this.rotate(text.length * 3);
    this.pos += this.cur.write(text, this.pos, 'utf8');
  }

  private rotate(need: number): void {
    if (this.pos > 0) this.full.push(this.cur.subarray(0, this.pos));
    this.cur = Buffer.allocUnsafe(Math.max(CHUNK, need));
    this.pos = 0;
  }

  private async drainFull(): Promise<void> {
    const chunks = this.full;
    this.full = [];
    for (const c of chunks) if (!this.stream.write(c)) await once(this.stream, 'drain');
  }
}
