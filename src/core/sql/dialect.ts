import type { ColumnType } from '../dataset/types.js';
import { raw, type Sql, type SqlValue, sql } from './fragment.js';
import { numberPlaceholders } from './placeholders.js';

/**
 * What differs between engines, behind one interface (as Rill does): a base class holds
 * what the engines share and each engine overrides what differs. An engine that cannot do
 * something throws `UnsupportedError` instead of emitting SQL that would answer wrongly.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'postgres';
  quoteIdent(name: string): string;
  /** Turns a fragment's `?` placeholders into the engine's, returning text and values. */
  render(fragment: Sql): { text: string; params: SqlValue[] };
  columnType(type: ColumnType): string;
  /** JSON column type for kept-aside extra columns. */
  readonly jsonType: string;
  /**
   * Whether the large dataset tables declare their primary key. DuckDB enforces it with an
   * ART index that made a 10M-row load 2.6x slower (measured), so there the importer
   * enforces the key; PostgreSQL declares it (Citus distributes on it).
   */
  readonly keyedBulkTables: boolean;
  /**
   * Whether the store keeps per-day rollups of the additive contact metrics
   * (core/metric/rollup.ts, migration 4) for queries to read: PostgreSQL scans row by row;
   * DuckDB scans columns fast enough without, and their upkeep would slow its imports.
   */
  readonly dailyRollups: boolean;
  /** Seconds since 1970-01-01 UTC of a TIMESTAMPTZ expression. */
  epochSeconds(expr: Sql): Sql;
  /** Continuous percentile (linear interpolation) of expr among rows passing filter. */
  percentileCont(expr: Sql, fraction: number, filter: Sql): Sql;
  /** A bound instant literal usable in comparisons with TIMESTAMPTZ columns. */
  instant(iso: string): Sql;
  /** A bound date literal. */
  date(iso: string): Sql;
  /**
   * A bound whole number typed as one: PostgreSQL types an untyped parameter from its
   * context, and where there is none (the branches of a CASE) it takes text.
   */
  integer(value: number): Sql;
  /** Whole days from a to b (dates). */
  daysBetween(a: Sql, b: Sql): Sql;
  /** Integer division that floors toward negative infinity. */
  floorDiv(a: Sql, b: number): Sql;
  /** A TIMESTAMPTZ expression moved by a number of seconds. */
  addSeconds(expr: Sql, seconds: number): Sql;
  /**
   * Seconds from instant a to instant b (double precision), exact to the microsecond: a
   * difference of whole microseconds, so a gap of exactly N seconds compares equal to N.
   */
  secondsBetween(a: Sql, b: Sql): Sql;
  /**
   * The FROM items `left l JOIN right r` matching rows with equal `keys` whose intervals
   * [t0, t1) overlap (both relations have columns t0, t1 and the keys): interval overlap,
   * as the design names it. Each overlapping pair appears once.
   */
  overlapJoin(left: Relation, right: Relation, keys: string[]): Sql;
  /**
   * A JSON expression as comparable text. JSON columns keep the text as written (key order
   * and spacing), and PostgreSQL's `json` type has no equality operator, so comparisons
   * (e.g. an import finding changed rows) compare this text.
   */
  jsonText(expr: Sql): Sql;
  /**
   * Statements that turn on row-level security for a table with these policies (each a
   * name, the roles it applies to or all, and the condition a row must meet to be read or
   * written). FORCE makes the table's owner obey them too. An engine without row-level
   * security returns none: there the server's scoping function is the only filter.
   */
  rowSecurity(table: string, policies: RowPolicy[]): string[];
  /**
   * A secondary index on a bulk dataset table, or none where the engine's scans do without
   * one (DuckDB prunes by zone maps, and an index made its loads slower). `include`: columns
   * carried in the index's leaves, so a query reading only those scans the index alone.
   * `where` makes it partial: the rows a query's own conditions imply (written as they write them).
   */
  bulkIndex(name: string, table: string, columns: string[], include?: string[], where?: string): string[];
  /**
   * Whether the engine enforces row-level security (then the import keeps the columns its
   * policies read: the vendor denormalised onto rows that have none of their own).
   */
  readonly rowLevelSecurity: boolean;
  /**
   * A session setting (`covenant.tenant`) as SQL in a policy, NULL when unset or empty:
   * a scalar subquery on PostgreSQL (evaluated once per statement, not per row); a plain
   * call where policies may hold no subquery (Citus).
   */
  sessionSetting(name: string): string;
  /**
   * Statements that distribute the tables of a schema over a cluster (Citus), or none on
   * an engine that runs on one server. `tables` are the tables not yet distributed.
   */
  distributeStatements(tables: { table: string; reference: boolean }[]): string[];
  /** Whether the schema is distributed over a cluster (Citus). */
  readonly distributed: boolean;
  /**
   * Statements around an import's bulk inserts into these tables, in its transaction:
   * none on one server; on Citus, the owner's exemption from the tables' row-level
   * security for the transaction (its INSERT ... SELECT from the staged rows runs as COPY
   * into the shards, which PostgreSQL refuses under row-level security), restored at its
   * end (`end`). DDL in the transaction: no other session ever sees it.
   */
  bulkWrite(tables: string[], end: boolean): string[];
  /**
   * Statements that make a table append-only for every role, its owner included (a trigger
   * refusing UPDATE, DELETE and TRUNCATE). An engine without triggers returns none.
   */
  appendOnly(table: string): string[];
}

/** A relation (a table or CTE name, or a subquery) and the alias it takes in a join. */
export interface Relation {
  from: Sql;
  alias: string;
}

export interface RowPolicy {
  name: string;
  /** `CURRENT_USER`, a role name, or undefined for every role. */
  to?: string;
  /** SQL condition over the table's columns (the table's own name qualifies them in subqueries). */
  using: string;
}

export class UnsupportedError extends Error {
  constructor(engine: string, what: string) {
    super(`${what} is not supported by ${engine}`);
    this.name = 'UnsupportedError';
  }
}

export abstract class BaseDialect implements Dialect {
  abstract readonly name: 'duckdb' | 'postgres';
  abstract readonly jsonType: string;
  readonly keyedBulkTables: boolean = true;
  readonly dailyRollups: boolean = true;
  readonly rowLevelSecurity: boolean = true;
  readonly distributed: boolean = false;

  sessionSetting(name: string): string {
    return `(SELECT nullif(current_setting('${name}', true), ''))`;
  }

  distributeStatements(_tables: { table: string; reference: boolean }[]): string[] {
    return [];
  }

  bulkWrite(_tables: string[], _end: boolean): string[] {
    return [];
  }

  quoteIdent(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }

  epochSeconds(expr: Sql): Sql {
    return sql`extract(epoch FROM ${expr})`;
  }

  percentileCont(expr: Sql, fraction: number, filter: Sql): Sql {
    return sql`percentile_cont(${fraction}) WITHIN GROUP (ORDER BY ${expr}) FILTER (WHERE ${filter})`;
  }

  instant(iso: string): Sql {
    return sql`CAST(${iso} AS TIMESTAMPTZ)`;
  }

  date(iso: string): Sql {
    return sql`CAST(${iso} AS DATE)`;
  }

  integer(value: number): Sql {
    return sql`CAST(${value} AS INTEGER)`;
  }

  daysBetween(a: Sql, b: Sql): Sql {
    return sql`(${b} - ${a})`;
  }

  floorDiv(a: Sql, b: number): Sql {
    return sql`floor(${a} / ${b})`;
  }

  addSeconds(expr: Sql, seconds: number): Sql {
    return sql`(${expr} + make_interval(secs => ${seconds}))`;
  }

  jsonText(expr: Sql): Sql {
    return sql`CAST(${expr} AS TEXT)`;
  }

  /** An interval's seconds: PostgreSQL subtracts instants exactly (days of 24 h, microseconds). */
  secondsBetween(a: Sql, b: Sql): Sql {
    return sql`date_part('epoch', ${b} - ${a})`;
  }

  /** Equal keys, the overlap a residual test: a hash join on the keys (what DuckDB runs best). */
  overlapJoin(left: Relation, right: Relation, keys: string[]): Sql {
    const [l, r] = [left.alias, right.alias];
    const equal = keys.map((k) => `${r}.${k} = ${l}.${k}`).join(' AND ');
    return sql`${left.from} ${raw(l)} JOIN ${right.from} ${raw(r)} ON ${raw(equal)}
          AND ${raw(`${r}.t0 < ${l}.t1 AND ${r}.t1 > ${l}.t0`)}`;
  }

  rowSecurity(table: string, policies: RowPolicy[]): string[] {
    const t = this.quoteIdent(table);
    return [
      `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
      `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
      ...policies.map(
        (p) =>
          `CREATE POLICY ${this.quoteIdent(p.name)} ON ${t}${p.to ? ` TO ${p.to}` : ''} USING (${p.using}) WITH CHECK (${p.using})`,
      ),
    ];
  }

  bulkIndex(
    name: string,
    table: string,
    columns: string[],
    include: string[] = [],
    where?: string,
  ): string[] {
    const list = (names: string[]) => names.map((c) => this.quoteIdent(c)).join(', ');
    const leaves = include.length > 0 ? ` INCLUDE (${list(include)})` : '';
    const partial = where ? ` WHERE ${where}` : '';
    return [
      `CREATE INDEX ${this.quoteIdent(name)} ON ${this.quoteIdent(table)} (${list(columns)})${leaves}${partial}`,
    ];
  }

  appendOnly(table: string): string[] {
    const t = this.quoteIdent(table);
    const fn = this.quoteIdent(`${table}_append_only`);
    return [
      `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        RAISE EXCEPTION '${table} is append-only: % refused', TG_OP; END $$`,
      `CREATE TRIGGER ${fn} BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
      `CREATE TRIGGER ${this.quoteIdent(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${t} EXECUTE FUNCTION ${fn}()`,
      // Roles given default privileges before the table existed keep INSERT and SELECT only.
      `DO $$ DECLARE r text; BEGIN
        FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
          WHERE table_schema = current_schema() AND table_name = '${table}' AND grantee <> current_user
            AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
        LOOP EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM %I', r); END LOOP; END $$`,
    ];
  }

  render(fragment: Sql): { text: string; params: SqlValue[] } {
    return { text: numberPlaceholders(fragment.text), params: [...fragment.params] };
  }

  columnType(type: ColumnType): string {
    switch (type.kind) {
      case 'bool':
        return 'BOOLEAN';
      case 'integer':
        return 'INTEGER';
      case 'number':
        return 'DOUBLE PRECISION';
      case 'timestamp':
        return 'TIMESTAMPTZ';
      case 'date':
        return 'DATE';
      case 'money':
        // Exact decimal: four places hold every currency's minor unit and sub-cent rates.
        return 'DECIMAL(18,4)';
      default:
        return 'VARCHAR';
    }
  }
}
