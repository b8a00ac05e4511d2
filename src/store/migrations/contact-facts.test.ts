import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../../core/sql/fragment.js';
import { importFile } from '../../ingest/import-file.js';
import { interactionsCsv, MARCH } from '../../query/test-data.js';
import { tempDir } from '../../test-support/fixtures.js';
import { DuckDbStore } from '../duckdb/duckdb-store.js';
import { migrate } from './migrate.js';

/** Migration 5 on a store whose contacts were imported before it: the gaps are backfilled. */
let store: DuckDbStore;
beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  const file = join(tempDir(), 'march.csv');
  writeFileSync(file, interactionsCsv(MARCH));
  await importFile(store, 'interactions', file, { tenant: 't1' });
  await importFile(store, 'interactions', file, { tenant: 't2' });
});
afterAll(() => store?.close());

const gaps = () =>
  store.query(
    raw(`SELECT tenant, interaction_id, prev_gap_seconds, next_gap_seconds FROM interactions
      ORDER BY tenant, interaction_id`),
  );

describe('migration 5: contact gaps', () => {
  it('backfills the gaps of contacts stored before it, per tenant, as the import computes them', async () => {
    const imported = await gaps();
    expect(imported.filter((r) => r.prev_gap_seconds !== null).length).toBeGreaterThan(1);
    await store.run(raw('ALTER TABLE interactions DROP COLUMN prev_gap_seconds'));
    await store.run(raw('ALTER TABLE interactions DROP COLUMN next_gap_seconds'));
    await store.run(raw('DELETE FROM schema_migrations WHERE version = 5'));
    expect(await migrate(store)).toEqual([5]);
    expect(await gaps()).toEqual(imported);
  });
});
