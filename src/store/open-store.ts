import { UserError } from '../core/issues.js';
import { DuckDbStore } from './duckdb/duckdb-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = './covenant.duckdb';

/** `--db` wins, then COVENANT_DB, then ./covenant.duckdb. */
export function resolveLocation(option?: string): string {
  return option ?? process.env.COVENANT_DB ?? DEFAULT_DB;
}

export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new UserError('the PostgreSQL store is not available yet; use a DuckDB file path');
  }
  return DuckDbStore.open(location);
}
