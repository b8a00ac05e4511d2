import { UserError } from '../core/issues.js';

/**
 * How a file is read (docs/imports.md): the same options on `covenant import` and in a
 * mapping's `spec.read`; a flag given on the command line wins over the mapping.
 */
export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-2', 'utf-16'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface ReadOptions {
  /** CSV field separator (default ','); `\t` for tab. */
  delimiter?: string;
  /** Text encoding (default UTF-8); utf-16 needs its byte-order mark. */
  encoding?: Encoding;
  /** Decimal separator of numbers written in the file (default '.'). */
  decimal?: '.' | ',';
  /** The row (from 1) that holds the column names; rows above it are skipped. */
  header?: number;
  /** XLSX: the worksheet, by name or number from 1 (default the first). */
  sheet?: string | number;
  /** JSON: the key of the records' array when the file is one document ({"conversations": [...]}). */
  records?: string;
}

/** The mapping's options with the command line's on top. */
export function mergeReadOptions(base: ReadOptions | undefined, over: ReadOptions): ReadOptions {
  const merged: ReadOptions = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/** Options as flags give them (text), checked; a bad one is a UserError naming what was expected. */
export function readOptionsOf(flags: {
  delimiter?: string;
  encoding?: string;
  decimal?: string;
  header?: string;
  sheet?: string;
}): ReadOptions {
  const read: ReadOptions = {};
  if (flags.delimiter !== undefined) {
    if ([...flags.delimiter].length !== 1 && flags.delimiter !== '\\t') {
      throw new UserError(`--delimiter ${flags.delimiter}: one character (or \\t for tab)`);
    }
    read.delimiter = flags.delimiter;
  }
  if (flags.encoding !== undefined) {
    if (!isEncoding(flags.encoding)) {
      throw new UserError(`--encoding ${flags.encoding}: expected one of ${ENCODINGS.join(', ')}`);
    }
    read.encoding = flags.encoding.toLowerCase() as Encoding;
  }
  if (flags.decimal !== undefined) {
    if (flags.decimal !== '.' && flags.decimal !== ',')
      throw new UserError(`--decimal ${flags.decimal}: . or ,`);
    read.decimal = flags.decimal;
  }
  if (flags.header !== undefined) {
    const row = Number(flags.header);
    if (!Number.isInteger(row) || row < 1 || row > 1000) {
      throw new UserError(`--header ${flags.header}: a row number from 1 to 1000`);
    }
    read.header = row;
  }
  if (flags.sheet !== undefined) read.sheet = /^\d+$/.test(flags.sheet) ? Number(flags.sheet) : flags.sheet;
  return read;
}

export const isEncoding = (name: string): name is Encoding =>
  (ENCODINGS as readonly string[]).includes(name.toLowerCase());
