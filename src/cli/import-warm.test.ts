import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import { loadDemo } from '../demo/load-demo.js';
import { dataVersion } from '../query/measurement-cache-sql.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { INTERACTION_HEADER, interaction, tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

/**
 * `covenant import` measures the contracts' pages into the persisted measurements after
 * its files (docs/scaling.md), unless `--no-warm`; the import itself is the same either way.
 */
const dir = tempDir();
const db = join(dir, 'warm.duckdb');

beforeAll(async () => {
  const store = await DuckDbStore.open(db);
  await loadDemo(store, { scale: 0.01, seed: 3, tenant: 'default', decisions: false });
  await store.close();
}, 120_000);

async function storedAtCurrentVersion(): Promise<number> {
  const store = await DuckDbStore.open(db);
  try {
    const { batch } = await dataVersion(store, 'default');
    const [row] = await store.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM measurement_cache WHERE tenant = 'default' AND data_version = ${batch}`,
    );
    return Number(row?.n);
  } finally {
    await store.close();
  }
}

const importOne = (id: string, ...flags: string[]) => {
  const csv = [INTERACTION_HEADER, interaction(id, { started_at: '2026-08-03T10:00:00Z' })].join('\n');
  return runCli(['import', 'interactions', writeText(dir, `${id}.csv`, `${csv}\n`), '--db', db, ...flags]);
};

describe('covenant import warms the persisted measurements', () => {
  it('after the files, and not with --no-warm', async () => {
    const skipped = importOne('warm-1', '--no-warm');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(await storedAtCurrentVersion()).toBe(0);
    const warmed = importOne('warm-2');
    expect(warmed.code, warmed.stderr).toBe(0);
    expect(warmed.stderr).toBe('');
    expect(await storedAtCurrentVersion()).toBeGreaterThan(10);
  }, 180_000);
});
