import type { Command } from 'commander';
import { formatIssue, UserError } from '../core/issues.js';
import type { Store } from '../store/store.js';

export interface StoreOptions {
  db?: string;
  tenant: string;
}

/** Every command that touches data takes the same two options. */
export function withStoreOptions(command: Command): Command {
  return withDbOption(command).option(
    '--tenant <tenant>',
    'client organisation that owns the data',
    'default',
  );
}

/** The store alone: `covenant serve` serves every tenant of it. */
export const withDbOption = (command: Command): Command =>
  command.option('--db <location>', 'DuckDB file (default ./covenant.duckdb, or COVENANT_DB)');

export async function withStore<T>(options: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  // Loaded on use, so that --help and usage errors answer before the database drivers load.
  const { openStore, resolveLocation } = await import('../store/open-store.js');
  const { inTenantCatalog } = await import('../query/tenant-catalog.js');
  const location = resolveLocation(options.db);
  // Beside a running `covenant serve`, the command waits its turn for the file (and says so).
  const store = await openStore(location, {
    role: 'command',
    onWait: (holder, waitMs) =>
      process.stderr.write(
        `waiting for the store ${location} held by ${holder === null ? 'another process' : `process ${holder}`} (up to ${waitMs / 1000} s)...\n`,
      ),
  });
  try {
    // The command reads its tenant's custom metrics (core/metric/catalog.ts).
    return await inTenantCatalog(options.tenant, () => fn(store));
  } finally {
    await store.close();
  }
}

/** The exit codes of every command. */
export const ExitCode = { done: 0, rejected: 1, usage: 2, internal: 3 } as const;

export const EXIT_CODES_HELP = `
Exit codes (every command):
  0  done
  1  done, but rows were rejected or a check failed (e.g. a target not reachable)
  2  usage error: a bad option, argument or input file; the message says what was expected
  3  internal error (a store that cannot be reached, a bug)`;

export function reportError(error: unknown): number {
  if (error instanceof UserError) {
    process.stderr.write(`error: ${error.message}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    return ExitCode.usage;
  }
  if (error instanceof Error && (error.name === 'StoreError' || error.name === 'StoreBusy')) {
    process.stderr.write(`error: ${error.message}\n`);
    return ExitCode.internal;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`internal error: ${message}\n`);
  return ExitCode.internal;
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
