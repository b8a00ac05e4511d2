import { readFile } from 'node:fs/promises';
import { fail, type Result } from '../issues.js';
import { parseContract } from './parse-contract.js';
import type { Contract } from './types.js';

/** Reads and parses a Contract file: the one I/O of core/contract, kept to reading the text. */
export async function loadContract(file: string): Promise<Result<Contract>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return fail([
      { code: 'unreadable_file', path: [], message: `cannot read contract ${file}: ${reason}`, file },
    ]);
  }
  return parseContract(text, file);
}
