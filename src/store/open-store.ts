import { DuckDbStore } from './duckdb/duckdb-store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './covenant.duckdb';

/** `--db` wins, then COVENANT_DB, then ./covenant.duckdb. */
export function resolveLocation(option?: string): string {
  return option ?? process.env.COVENANT_DB ?? DEFAULT_DB;
}

/** Whether a location names a PostgreSQL server (postgres:// or postgresql:// URL). */
export const isPostgresLocation = (location: string) => /^postgres(ql)?:\/\//i.test(location);

/** A postgres:// URL opens the PostgreSQL store; anything else is a DuckDB file (or :memory:). */
export async function openStore(location: string): Promise<Store> {
  return isPostgresLocation(location) ? PostgresStore.open(location) : DuckDbStore.open(location);
}
