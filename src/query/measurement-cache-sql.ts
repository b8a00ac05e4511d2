import { bind, join, sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { underlyingStore } from './report-memo.js';

/**
 * The statements of the persisted measurements (measurement-cache.ts). The data version is
 * the last import batch that wrote rows: only imports change the datasets, an import of
 * nothing new (a file imported again) keeps it, and batch ids only grow, so an entry stored
 * under a version read BEFORE it was computed is served only while no import has landed.
 */
export async function dataVersion(
  store: Executor,
  tenant: string,
): Promise<{ batch: number; schema: number }> {
  const [row] = await store.query<{ batch: number | null; schema: number | null }>(
    sql`SELECT (SELECT max(batch_id) FROM import_batches WHERE tenant = ${tenant} AND rows_inserted > 0) AS batch,
      (SELECT max(version) FROM schema_migrations) AS schema`,
  );
  return { batch: Number(row?.batch ?? 0), schema: Number(row?.schema ?? 0) };
}

/** The stored results of these keys at this version, by key. */
export async function readEntries(
  store: Executor,
  tenant: string,
  version: number,
  keys: string[],
): Promise<Map<string, string>> {
  const rows = await store.query<{ cache_key: string; result: string }>(
    sql`SELECT cache_key, result FROM measurement_cache
      WHERE tenant = ${tenant} AND data_version = ${version} AND cache_key IN (${join(keys.map(bind))})`,
  );
  return new Map(rows.map((r) => [r.cache_key, r.result]));
}

/** Every stored result of the tenant at this version, or null when there are more than `limit`. */
export async function readAllEntries(
  store: Executor,
  tenant: string,
  version: number,
  limit: number,
): Promise<Map<string, string> | null> {
  const rows = await store.query<{ cache_key: string; result: string }>(
    sql`SELECT cache_key, result FROM measurement_cache
      WHERE tenant = ${tenant} AND data_version = ${version} LIMIT ${limit + 1}`,
  );
  return rows.length > limit ? null : new Map(rows.map((r) => [r.cache_key, r.result]));
}

/**
 * Stores results in a transaction of their own (on PostgreSQL a savepoint of the session's:
 * a refused write rolls back alone and the request goes on), through the store a report's
 * store reads through, whose writes would clear the report's memory.
 */
export async function writeEntries(
  store: Store,
  tenant: string,
  version: number,
  entries: { key: string; result: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  const values = entries.map((e) => sql`(${tenant}, ${version}, ${e.key}, ${e.result}, CURRENT_TIMESTAMP)`);
  await underlyingStore(store).transaction((tx) =>
    tx.run(sql`INSERT INTO measurement_cache (tenant, data_version, cache_key, result, created_at)
      VALUES ${join(values)} ON CONFLICT DO NOTHING`),
  );
}

/** Entries of data versions before `version`: never served again, deleted once the new one is warmed. */
export async function pruneEntries(store: Store, tenant: string, version: number): Promise<void> {
  await store.run(sql`DELETE FROM measurement_cache WHERE tenant = ${tenant} AND data_version < ${version}`);
}
