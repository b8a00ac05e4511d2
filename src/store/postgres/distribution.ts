import { raw, sql } from '../../core/sql/fragment.js';
import type { Executor, Store } from '../store.js';

/**
 * How the schema distributes with Citus: every fact table by `tenant`, co-located with
 * interactions, so a tenant's rows of every table sit on one node and every join (all
 * of them match tenant) stays there; small shared tables are reference tables, copied
 * to every node. Read from the live schema, so a table added later is covered.
 */
export const TENANT_COLUMN = 'tenant';
/** Small tables every tenant shares: copied to every node. */
export const REFERENCE_TABLES = ['schema_migrations', 'tenants', 'user_directory', 'setup_tokens'];
/** The table the others are co-located with. */
export const ANCHOR_TABLE = 'interactions';

export interface TableKey {
  table: string;
  columns: string[];
  primaryKey: string[];
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  references: string;
  referencedColumns: string[];
}

/** Tables of the current schema with their columns and primary key. */
export async function liveTables(db: Executor): Promise<TableKey[]> {
  const rows = await db.query<{ table: string; columns: string[]; primary_key: string[] | null }>(sql`
    SELECT c.relname AS table,
      array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum) AS columns,
      (SELECT array(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n)
         FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key
    FROM pg_class c WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
    ORDER BY c.relname`);
  return rows.map((r) => ({ table: r.table, columns: r.columns, primaryKey: r.primary_key ?? [] }));
}

/** Unique indexes (including primary keys) of the current schema: Citus needs the tenant in each. */
export async function liveUniqueKeys(
  db: Executor,
): Promise<{ table: string; index: string; columns: string[] }[]> {
  return db.query(sql`
    SELECT c.relname AS table, ic.relname AS index,
      array(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indisunique AND c.relnamespace = current_schema()::regnamespace ORDER BY 1, 2`);
}

export async function liveForeignKeys(db: Executor): Promise<ForeignKey[]> {
  const rows = await db.query<{
    name: string;
    table: string;
    columns: string[];
    references: string;
    referenced_columns: string[];
  }>(sql`
    SELECT con.conname AS name, c.relname AS table, r.relname AS references,
      array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
      array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n)
            JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced_columns
    FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
    WHERE con.contype = 'f' AND c.relnamespace = current_schema()::regnamespace ORDER BY 1`);
  return rows.map((r) => ({
    name: r.name,
    table: r.table,
    columns: r.columns,
    references: r.references,
    referencedColumns: r.referenced_columns,
  }));
}

export interface LiveSchema {
  tables: TableKey[];
  uniqueKeys: { table: string; index: string; columns: string[] }[];
  foreignKeys: ForeignKey[];
}

export async function liveSchema(db: Executor): Promise<LiveSchema> {
  return {
    tables: await liveTables(db),
    uniqueKeys: await liveUniqueKeys(db),
    foreignKeys: await liveForeignKeys(db),
  };
}

/**
 * What stops the schema distributing by tenant unchanged, one line per problem: a fact
 * table without the tenant column or without it in its primary key or a unique key; a
 * reference table with a tenant; a foreign key that does not join tenant to tenant
 * (unless it points at a reference table).
 */
export function distributionProblems(schema: LiveSchema): string[] {
  const problems: string[] = [];
  const isReference = (table: string) => REFERENCE_TABLES.includes(table);
  for (const t of schema.tables) {
    if (isReference(t.table)) {
      if (t.columns.includes(TENANT_COLUMN))
        problems.push(`${t.table}: a reference table with a tenant column`);
      continue;
    }
    if (!t.columns.includes(TENANT_COLUMN)) problems.push(`${t.table}: no tenant column`);
    if (t.primaryKey.length === 0) problems.push(`${t.table}: no primary key`);
    else if (!t.primaryKey.includes(TENANT_COLUMN))
      problems.push(`${t.table}: primary key (${t.primaryKey.join(', ')}) without tenant`);
  }
  for (const k of schema.uniqueKeys) {
    if (!isReference(k.table) && !k.columns.includes(TENANT_COLUMN))
      problems.push(`${k.table}: unique key ${k.index} (${k.columns.join(', ')}) without tenant`);
  }
  for (const fk of schema.foreignKeys) {
    if (isReference(fk.references)) continue;
    const at = fk.columns.indexOf(TENANT_COLUMN);
    if (at === -1 || fk.referencedColumns[at] !== TENANT_COLUMN) {
      problems.push(
        `${fk.table}: foreign key ${fk.name} (${fk.columns.join(', ')}) -> ${fk.references} (${fk.referencedColumns.join(', ')}) crosses tenants`,
      );
    }
  }
  return problems;
}

/**
 * Tables of the current schema that Citus does not distribute yet: a table with a tenant
 * column becomes a distributed table, one without (schema_migrations) a reference table.
 */
export async function undistributedTables(db: Executor): Promise<{ table: string; reference: boolean }[]> {
  return db.query(sql`
    SELECT c.relname AS table,
      NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant' AND NOT a.attisdropped) AS reference
    FROM pg_class c
    WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid)
    ORDER BY c.relname`);
}

/**
 * Distributes what the migrations created and Citus does not distribute yet: nothing on
 * a single server, nothing when all is distributed (run again, a no-op). One statement at
 * a time, outside a transaction block (Citus creates the shards on the workers).
 */
export async function distributeSchema(db: Store): Promise<string[]> {
  if (!db.dialect.distributed) return [];
  const tables = await undistributedTables(db);
  const statements = db.dialect.distributeStatements(tables);
  for (const statement of statements) await db.run(raw(statement));
  return tables.map((t) => t.table);
}
