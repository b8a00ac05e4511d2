import type { Command } from 'commander';
import { formatIssue, UserError } from '../core/issues.js';
import { openStore, resolveLocation } from '../store/open-store.js';
import { type Store, StoreError } from '../store/store.js';

export interface StoreOptions {
  db?: string;
  tenant: string;
}

/** Every command that touches data takes the same two options. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--db <location>', 'DuckDB file (default ./covenant.duckdb, or COVENANT_DB)')
    .option('--tenant <tenant>', 'client organisation that owns the data', 'default');
}

export async function withStore<T>(options: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveLocation(options.db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Exit codes: 1 = rejected rows or a failed check, 2 = input the user must fix, 3 = internal. */
export function reportError(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    return 2;
  }
  if (error instanceof StoreError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 3;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`internal error: ${message}\n`);
  return 3;
}

export function checkTimezone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new UserError(`--timezone ${zone}: not an IANA time zone (expected e.g. Europe/Lisbon)`);
  }
}
