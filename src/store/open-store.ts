import { UserError } from '../core/issues.js';
import { DuckDbStore } from './duckdb/duckdb-store.js';
import { SharedDuckDbStore } from './duckdb/shared-store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './covenant.duckdb';

/** `--db` wins, then COVENANT_DB, then ./covenant.duckdb. */
export function resolveLocation(option?: string): string {
  return option ?? process.env.COVENANT_DB ?? DEFAULT_DB;
}

/** Whether a location names a PostgreSQL server (postgres:// or postgresql:// URL). */
export const isPostgresLocation = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/**
 * How a process shares a DuckDB file with the others (docs/sharing-the-store.md): a
 * command holds it for its run, waiting while another process has it; a server holds it
 * only while requests are in flight. Without it, the file is held from open to close.
 */
export type Sharing =
  | { role: 'command'; onWait?: (holder: number | null, waitMs: number) => void }
  | { role: 'server' };

/** A command waits this long for a file another process holds; a server, less (its requests time out). */
export const COMMAND_WAIT_S = 30;
export const SERVER_WAIT_S = 10;
const SERVER_WAIT_MAX_S = 25;
export const IDLE_MS = 1000;

function envNumber(name: string, fallback: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > max)
    throw new UserError(`${name}=${text}: expected a number from 0 to ${max}`);
  return value;
}

/** A postgres:// URL opens the PostgreSQL store; anything else is a DuckDB file (or :memory:). */
export async function openStore(location: string, sharing?: Sharing): Promise<Store> {
  if (isPostgresLocation(location)) return PostgresStore.open(location);
  if (!sharing || location === ':memory:') return DuckDbStore.open(location);
  if (sharing.role === 'server') {
    const waitS = Math.min(envNumber('COVENANT_DB_WAIT', SERVER_WAIT_S, 3600), SERVER_WAIT_MAX_S);
    const idleMs = envNumber('COVENANT_DB_IDLE_MS', IDLE_MS, 3_600_000);
    return SharedDuckDbStore.open(location, { idleMs, waitMs: waitS * 1000 });
  }
  const waitMs = envNumber('COVENANT_DB_WAIT', COMMAND_WAIT_S, 3600) * 1000;
  const onWait = sharing.onWait;
  return DuckDbStore.open(location, {
    wait: { waitMs, ...(onWait ? { onWait: (holder: number | null) => onWait(holder, waitMs) } : {}) },
  });
}
