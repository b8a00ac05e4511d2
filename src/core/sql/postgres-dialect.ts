import type { ColumnType } from '../dataset/types.js';
import { BaseDialect } from './dialect.js';

export class PostgresDialect extends BaseDialect {
  readonly name = 'postgres' as const;
  readonly jsonType = 'JSONB';

  override columnType(type: ColumnType): string {
    return type.kind === 'money' ? 'NUMERIC(18,4)' : super.columnType(type).replace('VARCHAR', 'TEXT');
  }
}

export const postgresDialect = new PostgresDialect();
