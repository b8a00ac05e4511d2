import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root; CI clones the repo with shared/ beside it, as the sessions have it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The example contract of shared/spec/contract-format.md (its first yaml block). */
export function specExample(): string {
  const markdown = readFileSync(resolve(REPO_ROOT, '../shared/spec/contract-format.md'), 'utf8');
  const block = /```yaml\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('contract-format.md has no yaml block');
  return block;
}

/** `line:column` (1-based) of `token` on the first line containing `needle`. */
export function position(text: string, needle: string, token: string = needle): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  const column = lines[index]?.indexOf(token, lines[index]?.indexOf(needle)) ?? -1;
  if (index < 0 || column < 0) throw new Error(`no ${token} on a line with ${needle}`);
  return `${index + 1}:${column + 1}`;
}

/** Replaces exactly one occurrence (a test edit that matches nothing or twice is a broken test). */
export function edit(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`"${from}" occurs ${count} times`);
  return text.replace(from, to);
}
