import { BaseDialect } from './dialect.js';

export class DuckDbDialect extends BaseDialect {
  readonly name = 'duckdb' as const;
  readonly jsonType = 'JSON';
  override readonly keyedBulkTables = false;
}

export const duckdbDialect = new DuckDbDialect();
