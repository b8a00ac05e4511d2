import type { Dialect } from '../../core/sql/dialect.js';
import { allDatasetTablesDdl } from './dataset-tables.js';

export interface Migration {
  version: number;
  name: string;
  statements(dialect: Dialect): string[];
}

/** Append only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'canonical datasets and import bookkeeping',
    statements: (dialect) => {
      const text = dialect.columnType({ kind: 'string' });
      return [
        ...allDatasetTablesDdl(dialect),
        `CREATE TABLE import_batches (
          tenant ${text} NOT NULL,
          batch_id BIGINT NOT NULL,
          dataset ${text} NOT NULL,
          file ${text} NOT NULL,
          format ${text} NOT NULL,
          mapping ${text},
          started_at TIMESTAMPTZ NOT NULL,
          finished_at TIMESTAMPTZ NOT NULL,
          rows_read BIGINT NOT NULL,
          rows_accepted BIGINT NOT NULL,
          rows_rejected BIGINT NOT NULL,
          rows_replaced BIGINT NOT NULL,
          rows_inserted BIGINT NOT NULL,
          rows_filtered BIGINT NOT NULL,
          extra_columns ${text},
          PRIMARY KEY (tenant, batch_id)
        )`,
        `CREATE TABLE import_rejects (
          tenant ${text} NOT NULL,
          batch_id BIGINT NOT NULL,
          reject_no BIGINT NOT NULL,
          file ${text} NOT NULL,
          line BIGINT,
          ${dialect.quoteIdent('column')} ${text},
          value ${text},
          reason ${text} NOT NULL,
          PRIMARY KEY (tenant, batch_id, reject_no)
        )`,
      ];
    },
  },
];
