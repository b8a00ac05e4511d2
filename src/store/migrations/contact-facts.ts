import type { Dialect } from '../../core/sql/dialect.js';
import { backfillGapsSql, GAP_COLUMNS } from '../../ingest/contact-facts-sql.js';
import type { Migration } from './migrations.js';

const TRIGGERS = ['inserted', 'deleted', 'updated'];

/**
 * Migration 5: facts the import keeps, not triggers. Each contact's gaps to its customer's
 * previous and next contact on the workflow, over every vendor (ingest/contact-facts-sql.ts),
 * backfilled here; fcr reads them row by row, the same whoever asks. The daily rollup
 * (migration 4) is from now on kept by the import (core/metric/rollup-refresh.ts): its
 * triggers are dropped, since Citus refuses to distribute a table with triggers.
 */
export const CONTACT_FACTS_MIGRATION: Migration = {
  version: 5,
  name: 'contact gaps kept by the import; the daily rollup kept by the import, not by triggers',
  statements: (dialect: Dialect) => [
    ...(dialect.dailyRollups
      ? TRIGGERS.flatMap((t) => [
          `DROP TRIGGER IF EXISTS interaction_days_${t} ON interactions`,
          `DROP FUNCTION IF EXISTS covenant_interaction_days_${t}()`,
        ])
      : []),
    ...GAP_COLUMNS.map(
      (c) => `ALTER TABLE interactions ADD COLUMN ${c} ${dialect.columnType({ kind: 'number' })}`,
    ),
    backfillGapsSql(dialect),
  ],
};
