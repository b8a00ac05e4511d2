import { BaseDialect } from './dialect.js';
import { type Sql, sql } from './fragment.js';

export class DuckDbDialect extends BaseDialect {
  readonly name = 'duckdb' as const;
  readonly jsonType = 'JSON';
  override readonly keyedBulkTables = false;

  override epochSeconds(expr: Sql): Sql {
    return sql`epoch(${expr})`;
  }

  override percentileCont(expr: Sql, fraction: number, filter: Sql): Sql {
    return sql`quantile_cont(${expr}, ${fraction}) FILTER (WHERE ${filter})`;
  }

  override addSeconds(expr: Sql, seconds: number): Sql {
    return sql`(${expr} + to_seconds(CAST(${seconds} AS DOUBLE)))`;
  }

  override daysBetween(a: Sql, b: Sql): Sql {
    return sql`date_diff('day', ${a}, ${b})`;
  }
}

export const duckdbDialect = new DuckDbDialect();
