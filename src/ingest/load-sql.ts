import type { DatasetDef } from '../core/dataset/types.js';
import type { Dialect } from '../core/sql/dialect.js';
import { join, raw, type Sql, sql } from '../core/sql/fragment.js';

/**
 * The SQL that moves accepted rows into a dataset table keyed by (tenant, key): new rows
 * are inserted, rows identical to the stored ones change nothing, rows whose key exists
 * with other values replace them. Pure builders; the store executes them.
 *
 * One hash join finds the stored keys (`matched_keys`, with whether each changed); the
 * insert then needs an anti-join only when some stored rows stay unchanged and others
 * are new, because a NOT EXISTS over the whole table made a first load 2x slower (measured).
 */
const q = (name: string) => raw(`"${name.replaceAll('"', '""')}"`);

const keyMatch = (def: DatasetDef, tenant: string, a = 'a', t = 't'): Sql =>
  join(
    [sql`${raw(t)}.tenant = ${tenant}`, ...def.key.map((k) => sql`${raw(t)}.${q(k)} = ${raw(a)}.${q(k)}`)],
    ' AND ',
  );

const valueColumns = (def: DatasetDef) => [...def.columns.map((c) => c.name), 'extra'];

export function matchedKeysSql(def: DatasetDef, accepted: string, tenant: string, dialect: Dialect): Sql {
  // `extra` is JSON: compared as text (PostgreSQL's json type has no equality).
  const value = (alias: string, name: string) =>
    name === 'extra' ? dialect.jsonText(sql`${raw(alias)}.${q(name)}`) : sql`${raw(alias)}.${q(name)}`;
  const differs = join(
    valueColumns(def).map((name) => sql`${value('a', name)} IS DISTINCT FROM ${value('t', name)}`),
    ' OR ',
  );
  const keys = join(def.key.map((k) => sql`a.${q(k)}`));
  return sql`CREATE TEMP TABLE matched_keys AS SELECT ${keys}, (${differs}) AS changed FROM ${raw(accepted)} a
    JOIN ${q(def.name)} t ON ${keyMatch(def, tenant)}`;
}

export const matchedCountsSql = (): Sql =>
  sql`SELECT count(*) AS matched, count(*) FILTER (WHERE changed) AS replaced FROM matched_keys`;

export function deleteChangedSql(def: DatasetDef, tenant: string): Sql {
  const keys = join(def.key.map(q));
  return sql`DELETE FROM ${q(def.name)} WHERE tenant = ${tenant}
    AND (${keys}) IN (SELECT ${keys} FROM matched_keys WHERE changed)`;
}

/** Columns an import derives (not read from the file): their names, values over `a` and a join giving them. */
export interface DerivedColumns {
  columns: readonly string[];
  values: Sql[];
  join: Sql;
  /** An order for the inserted rows (row stores: keeps the table in time order across the join). */
  orderBy?: Sql;
}

/** Inserts the accepted rows; `skipUnchanged` leaves out those stored identically. */
export function insertSql(
  def: DatasetDef,
  accepted: string,
  tenant: string,
  batchId: number,
  skipUnchanged: boolean,
  derived?: DerivedColumns,
): Sql {
  const names = valueColumns(def);
  const target = join([raw('tenant'), ...names.map(q), raw('batch_id'), ...(derived?.columns ?? []).map(q)]);
  const values = join([
    sql`${tenant}`,
    ...names.map((name) => sql`a.${q(name)}`),
    sql`${batchId}`,
    ...(derived?.values ?? []),
  ]);
  const keys = join(def.key.map((k) => sql`a.${q(k)}`));
  const filter = skipUnchanged
    ? sql` WHERE (${keys}) NOT IN (SELECT ${join(def.key.map(q))} FROM matched_keys WHERE NOT changed)`
    : sql``;
  const order = derived?.orderBy ? sql` ORDER BY ${derived.orderBy}` : sql``;
  return sql`INSERT INTO ${q(def.name)} (${target}) SELECT ${values} FROM ${raw(accepted)} a${derived?.join ?? sql``}${filter}${order}`;
}
