import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLED_PARTS, ROLLUP_TABLE, rolledAggregate } from '../../core/metric/rollup.js';
import { raw } from '../../core/sql/fragment.js';
import { importFile } from '../../ingest/import-file.js';
import { runQuery } from '../../query/run-query.js';
import { interactionsCsv, MARCH } from '../../query/test-data.js';
import { INTERACTION_HEADER, interaction, tempDir } from '../../test-support/fixtures.js';
import { withWindows } from '../../test-support/text-query.js';
import { failingAfterWrite } from '../conformance/import-fixtures.js';
import { DuckDbStore } from '../duckdb/duckdb-store.js';
import type { Store } from '../store.js';
import type { PostgresStore } from './postgres-store.js';
import { openTestStore } from './test-support/test-server.js';

/**
 * The daily rollup stays what recomputing it from the contacts gives, whatever writes
 * them: an import, a re-import that replaces rows (moving one to another day or vendor),
 * an import in a session; and queries read it. The import is the only writer of contacts.
 */
let store: PostgresStore;
let drop: () => Promise<void>;
const dir = tempDir();
const tenant = 'northwind';

beforeAll(async () => {
  ({ store, drop } = await openTestStore());
});
afterAll(() => drop?.());

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const parts = ROLLED_PARTS.map((p) => p.name).join(', ');
/** The rollup as stored, and as recomputed from the contacts now: they must be equal. */
async function rollupAndRecompute(db: Store = store) {
  const key = 'tenant, day_start, vendor, workflow, site, channel, language, path';
  const stored = await db.query(raw(`SELECT ${key}, ${parts} FROM ${ROLLUP_TABLE} ORDER BY ${key}`));
  const recomputed = await db.query(
    raw(`SELECT tenant, (date_trunc('day', started_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS day_start, vendor,
      workflow, site, channel, coalesce(language, '') AS language, path,
      ${ROLLED_PARTS.map((p) => `${rolledAggregate(p)} AS ${p.name}`).join(', ')}
      FROM (SELECT *, NOT abandoned AS handled, path IN ('human', 'bot_to_human') AS human_path,
        channel IN ('voice', 'chat', 'messaging') AND path IN ('human', 'bot_to_human') AS offered FROM interactions) c
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY ${key}`),
  );
  return { stored, recomputed };
}

const contacts = (db: Store, grain?: 'day' | 'month') =>
  runQuery(
    db,
    withWindows({
      metrics: ['contacts', 'csat', 'aht', 'service_level'],
      tenant,
      period: '2026-03',
      zone: 'Europe/Lisbon',
      where: {},
      by: [],
      ...(grain ? { grain } : {}),
      params: {},
      minN: 1,
      asOf: '2026-12-01T00:00:00Z',
    }),
  );

describe('the daily rollup (PostgreSQL)', () => {
  it('is filled by an import and read by queries, with the answers of the contacts themselves', async () => {
    await importFile(store, 'interactions', file('march.csv', interactionsCsv(MARCH)), { tenant });
    const { stored, recomputed } = await rollupAndRecompute();
    expect(stored.length).toBeGreaterThan(10);
    expect(stored).toEqual(recomputed);
    const reference = await DuckDbStore.open(':memory:');
    try {
      await importFile(reference, 'interactions', file('march-ref.csv', interactionsCsv(MARCH)), { tenant });
      for (const grain of [undefined, 'day', 'month'] as const) {
        const [ours, theirs] = [await contacts(store, grain), await contacts(reference, grain)];
        expect(ours.map((r) => [r.metric, r.group, r.n])).toEqual(
          theirs.map((r) => [r.metric, r.group, r.n]),
        );
        ours.forEach((r, i) => {
          expect(r.value ?? 0).toBeCloseTo(theirs[i]?.value ?? 0, 9);
        });
      }
    } finally {
      await reference.close();
    }
  });

  it('follows a re-import that replaces rows, moving one to another day', async () => {
    const text = [
      INTERACTION_HEADER,
      interaction('i01', {
        started_at: '2026-03-20T10:00:00Z',
        csat: '1',
        vendor: 'brightpath',
        channel: 'voice',
      }),
      interaction('new', { started_at: '2026-03-21T10:00:00Z' }),
    ].join('\n');
    const summary = await importFile(store, 'interactions', file('again.csv', text), { tenant });
    expect(summary).toMatchObject({ replaced: 1, inserted: 2 });
    const { stored, recomputed } = await rollupAndRecompute();
    expect(stored).toEqual(recomputed);
  });

  it('is kept by the import, not by triggers (Citus distributes no table with triggers), also in a session', async () => {
    const triggers = await store.query(
      raw("SELECT tgname FROM pg_trigger WHERE tgrelid = 'interactions'::regclass AND NOT tgisinternal"),
    );
    expect(triggers).toEqual([]);
    const text = [
      INTERACTION_HEADER,
      interaction('i05', { started_at: '2026-03-24T10:00:00Z', csat: '5', vendor: 'coastline' }),
      interaction('i06', { started_at: '2026-03-02T10:00:00Z', resolved: 'false' }),
    ].join('\n');
    await store.withSession({ tenant }, (s) =>
      importFile(s, 'interactions', file('session.csv', text), { tenant }),
    );
    const { stored, recomputed } = await rollupAndRecompute();
    expect(stored).toEqual(recomputed);
    // A vendor's session reads only the vendor's rollup rows.
    const vendors = await store.withSession({ tenant, vendor: 'coastline' }, (s) =>
      s.query(raw(`SELECT DISTINCT vendor FROM ${ROLLUP_TABLE}`)),
    );
    expect(vendors).toEqual([{ vendor: 'coastline' }]);
  });

  it('commits with the import or not at all', async () => {
    const before = await rollupAndRecompute();
    const broken = file(
      'broken.csv',
      [INTERACTION_HEADER, interaction('late', { started_at: '2026-03-25T10:00:00Z' })].join('\n'),
    );
    const failing = failingAfterWrite(store);
    await expect(importFile(failing, 'interactions', broken, { tenant })).rejects.toThrow(
      /simulated failure/,
    );
    expect(await rollupAndRecompute()).toEqual(before);
  });
});
