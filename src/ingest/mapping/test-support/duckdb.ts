import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { join, raw, type Sql, sql } from '../../../core/sql/fragment.js';
import { numberPlaceholders } from '../../../core/sql/placeholders.js';

/** A throwaway in-memory DuckDB for mapping tests. */
export async function memoryDb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** Runs a fragment (placeholders numbered, params bound) and returns plain rows. */
export async function rows(db: DuckDBConnection, fragment: Sql): Promise<Record<string, unknown>[]> {
  const reader = await db.runAndReadAll(numberPlaceholders(fragment.text), [...fragment.params] as never);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value]),
      ),
    );
}

/** A VALUES relation of VARCHAR columns c1..cN, every cell bound. */
export function valuesTable(data: (string | null)[][], width: number): Sql {
  const names = Array.from({ length: width }, (_, index) => `c${index + 1}`).join(', ');
  const tuples = data.map((row) => sql`(${join(row.map((cell) => sql`CAST(${cell} AS VARCHAR)`))})`);
  return sql`(VALUES ${join(tuples)}) AS t(${raw(names)})`;
}
