import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { raw, sql } from '../../core/sql/fragment.js';
import { postgresDialect } from '../../core/sql/postgres-dialect.js';
import type { DuckDbExecutor } from '../duckdb/duckdb-store.js';
import { StoreError } from '../store.js';

const q = (name: string) => postgresDialect.quoteIdent(name);

interface Column {
  name: string;
  /** The PostgreSQL column type. */
  type: string;
  /** The DuckDB expression written to the CSV for it. */
  select: string;
}

const SCALARS: Record<string, string> = {
  BOOLEAN: 'boolean',
  TINYINT: 'smallint',
  UTINYINT: 'smallint',
  SMALLINT: 'smallint',
  USMALLINT: 'integer',
  INTEGER: 'integer',
  UINTEGER: 'bigint',
  BIGINT: 'bigint',
  UBIGINT: 'numeric',
  HUGEINT: 'numeric',
  UHUGEINT: 'numeric',
  FLOAT: 'real',
  DOUBLE: 'double precision',
  VARCHAR: 'text',
  JSON: 'json',
  UUID: 'uuid',
  DATE: 'date',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamptz',
  INTERVAL: 'interval',
};

/**
 * Each DuckDB column as a PostgreSQL column: scalars keep their type; lists, structs and
 * maps travel as JSON; anything else as text. DuckDB's CSV writes NULL unquoted and an
 * empty string as "", which is what PostgreSQL's CSV COPY reads as NULL and ''.
 */
function columnOf(name: string, duckType: string): Column {
  const ref = `"${name.replaceAll('"', '""')}"`;
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(duckType);
  if (decimal) return { name, type: `numeric(${decimal[1]},${decimal[2]})`, select: ref };
  const scalar = SCALARS[duckType];
  if (scalar) return { name, type: scalar, select: ref };
  if (/\[\d*\]$|^(STRUCT|MAP|UNION)\(/.test(duckType))
    return { name, type: 'json', select: `to_json(${ref})` };
  return { name, type: 'text', select: `CAST(${ref} AS VARCHAR)` };
}

/**
 * Copies one table staged in the DuckDB engine into a PostgreSQL temporary table of the
 * same columns, in the client's transaction: DuckDB writes it as CSV (in parallel, a
 * temporary file), PostgreSQL reads it with COPY, then ANALYZE gives the planner its size.
 */
export async function copyStagedTable(
  engine: DuckDbExecutor,
  client: pg.PoolClient,
  table: string,
  target: string,
  dir: string,
): Promise<void> {
  const described = await engine.query<{ column_name: string; column_type: string }>(
    sql`DESCRIBE ${raw(q(table))}`,
  );
  const columns = described.map((c) => columnOf(c.column_name, c.column_type));
  const file = join(dir, `${target}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  try {
    await engine.run(
      sql`COPY (SELECT ${raw(columns.map((c) => c.select).join(', '))} FROM ${raw(q(table))}) TO ${file} (FORMAT csv, HEADER false)`,
    );
    try {
      await client.query(
        `CREATE TEMP TABLE ${q(target)} (${columns.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`,
      );
      await pipeline(
        createReadStream(file),
        client.query(copyFrom(`COPY ${q(target)} FROM STDIN (FORMAT csv)`)),
      );
      await client.query(`ANALYZE ${q(target)}`);
    } catch (error) {
      throw new StoreError(
        `PostgreSQL: copying the staged ${table} rows failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  } finally {
    await rm(file, { force: true });
  }
}
