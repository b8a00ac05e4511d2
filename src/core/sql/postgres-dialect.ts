import type { ColumnType } from '../dataset/types.js';
import { BaseDialect, type Relation } from './dialect.js';
import { raw, type Sql, sql } from './fragment.js';

export class PostgresDialect extends BaseDialect {
  readonly name = 'postgres' as const;
  /**
   * `json`, not `jsonb`: it keeps the text as written (key order, spacing), as DuckDB's JSON
   * does, so a stored body reads back byte for byte (settlements compare bodies as text).
   */
  readonly jsonType = 'JSON';

  override columnType(type: ColumnType): string {
    return type.kind === 'money' ? 'NUMERIC(18,4)' : super.columnType(type).replace('VARCHAR', 'TEXT');
  }

  /**
   * `date_part` answers in double precision as DuckDB's epoch() does; `extract` answers in
   * numeric since PostgreSQL 14, slower per row and a string in results.
   */
  override epochSeconds(expr: Sql): Sql {
    return sql`date_part('epoch', ${expr})`;
  }

  /**
   * PostgreSQL's join on the keys alone tests every pair of one key (69M pairs for one
   * quarter of adherence at demo scale 2: 4.6 s). Each side is first spread over the UTC
   * days its interval covers (OFFSET 0 keeps that from being folded into the join), the
   * join adds the day to the keys, and a pair counts on the day its overlap starts (1.6 s).
   */
  override overlapJoin(left: Relation, right: Relation, keys: string[]): Sql {
    const day = (expr: string) => `(date_trunc('day', ${expr} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;
    const spread = (side: Relation) =>
      sql`(SELECT x.*, d.overlap_day FROM ${side.from} x CROSS JOIN LATERAL generate_series(${raw(day('x.t0'))},
          x.t1 - interval '1 microsecond', interval '1 day') AS d(overlap_day) OFFSET 0)`;
    const [l, r] = [left.alias, right.alias];
    const equal = [...keys, 'overlap_day'].map((k) => `${r}.${k} = ${l}.${k}`).join(' AND ');
    return sql`${spread(left)} ${raw(l)} JOIN ${spread(right)} ${raw(r)} ON ${raw(equal)}
          AND ${raw(`${r}.t0 < ${l}.t1 AND ${r}.t1 > ${l}.t0 AND ${day(`greatest(${l}.t0, ${r}.t0)`)} = ${l}.overlap_day`)}`;
  }
}

export const postgresDialect = new PostgresDialect();

/**
 * PostgreSQL with the Citus extension: the same SQL, the schema distributed by tenant.
 * Citus refuses subqueries in the policies of distributed tables, so a session setting is
 * read by a plain call (per row: a few tens of nanoseconds).
 */
export class CitusDialect extends PostgresDialect {
  override readonly distributed = true;

  /**
   * Citus distributes no table with triggers: on a cluster the audit log is append-only by
   * its grants alone (the application's role has INSERT and SELECT only, postgres/roles.ts).
   */
  override appendOnly(_table: string): string[] {
    return [];
  }

  override sessionSetting(name: string): string {
    return `nullif(current_setting('${name}', true), '')`;
  }

  override bulkWrite(tables: string[], end: boolean): string[] {
    return tables.map((t) => `ALTER TABLE ${this.quoteIdent(t)} ${end ? '' : 'NO '}FORCE ROW LEVEL SECURITY`);
  }

  /** Reference tables first, then interactions, then every other table co-located with it. */
  override distributeStatements(tables: { table: string; reference: boolean }[]): string[] {
    const anchor = 'interactions';
    const facts = tables.filter((t) => !t.reference).map((t) => t.table);
    const ordered = [...facts.filter((t) => t === anchor), ...facts.filter((t) => t !== anchor)];
    return [
      ...tables.filter((t) => t.reference).map((t) => `SELECT create_reference_table('${t.table}')`),
      ...ordered.flatMap((t) => [
        t === anchor
          ? `SELECT create_distributed_table('${t}', 'tenant')`
          : `SELECT create_distributed_table('${t}', 'tenant', colocate_with => '${anchor}')`,
        // Rows stored before stay in the coordinator's shell table otherwise (copied, not moved).
        `SELECT truncate_local_data_after_distributing_table('${t}')`,
      ]),
    ];
  }
}

export const citusDialect = new CitusDialect();
