import type { ColumnType } from '../dataset/types.js';
import { BaseDialect } from './dialect.js';
import { type Sql, sql } from './fragment.js';

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
}

export const postgresDialect = new PostgresDialect();
