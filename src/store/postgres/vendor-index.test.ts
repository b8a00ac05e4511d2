import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTACT_METRICS } from '../../core/metric/catalog/contact-info.js';
import { raw, type Sql, sql } from '../../core/sql/fragment.js';
import { parseWindows } from '../../core/time/period-window.js';
import { importFile } from '../../ingest/import-file.js';
import { runQuery } from '../../query/run-query.js';
import { interactionsCsv, MARCH } from '../../query/test-data.js';
import { tempDir } from '../../test-support/fixtures.js';
import type { PostgresStore } from './postgres-store.js';
import { openTestStore } from './test-support/test-server.js';

/**
 * Migrations 150 and 151: every statement of the contact catalog for a vendor, in the
 * vendor's session (row-level security in force), can read interactions from an index
 * alone: the vendor time index, or the backlog's (by closed_at) for backlog. With sequential and bitmap scans ruled out, a statement reading a column the
 * index does not carry plans an Index Scan (heap reads) instead of an Index Only Scan.
 */
let store: PostgresStore;
let drop: () => Promise<void>;
const tenant = 'northwind';

beforeAll(async () => {
  ({ store, drop } = await openTestStore());
  const file = join(tempDir(), 'march.csv');
  writeFileSync(file, interactionsCsv(MARCH));
  await importFile(store, 'interactions', file, { tenant });
  await store.run(raw('VACUUM ANALYZE interactions'));
});
afterAll(() => drop?.());

describe('the vendor time and backlog indexes (PostgreSQL)', () => {
  it("carries every column the contact catalog reads, in a vendor's session", async () => {
    const plans = await store.withSession({ tenant, vendor: 'brightpath' }, async (session) => {
      await session.run(raw('SET LOCAL enable_seqscan = off'));
      await session.run(raw('SET LOCAL enable_bitmapscan = off'));
      const statements: Sql[] = [];
      await runQuery(session, {
        tenant,
        zone: 'Europe/Lisbon',
        where: { vendor: ['brightpath'] },
        params: {},
        minN: 1,
        metrics: CONTACT_METRICS.map((m) => m.id),
        periods: parseWindows('2026-03', 'Europe/Lisbon', 'period'),
        by: [],
        onStatement: (s) => statements.push(s),
      });
      const out: string[] = [];
      for (const statement of statements) {
        const rows = await session.query<Record<string, string>>(sql`EXPLAIN ${statement}`);
        out.push(rows.map((r) => Object.values(r)[0]).join('\n'));
      }
      return out;
    });
    const scans = plans.flatMap((plan) =>
      plan.split('\n').filter((line) => / on interactions\b/.test(line) || /using interactions/.test(line)),
    );
    expect(scans.length).toBeGreaterThanOrEqual(3);
    for (const scan of scans)
      expect(scan).toMatch(/Index Only Scan using interactions_vendor_(started_at|closed_at)/);
    expect(scans.filter((scan) => scan.includes('interactions_vendor_closed_at')).length).toBe(2);
  });
});
