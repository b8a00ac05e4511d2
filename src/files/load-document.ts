import { readFile } from 'node:fs/promises';
import { parseContract } from '../core/contract/parse-contract.js';
import type { Contract } from '../core/contract/types.js';
import { fail, type Result } from '../core/issues.js';

/**
 * Reading a document file: the one place the parsers of core (pure, text in) meet the
 * file system. An unreadable file is an issue like any other, so callers print it alike.
 */
export async function loadDocument<T>(
  file: string,
  what: string,
  parse: (text: string, file: string) => Result<T>,
): Promise<Result<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail([
      { code: 'unreadable_file', path: [], message: `cannot read ${what} ${file}: ${reason}`, file },
    ]);
  }
  return parse(text, file);
}

/** Reads and parses a Contract file. */
export const loadContract = (file: string): Promise<Result<Contract>> =>
  loadDocument(file, 'contract', parseContract);
