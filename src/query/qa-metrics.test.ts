import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { qaReviewsCsv, qaUnitsCsv } from '../test-support/metric-data.js';
import { withWindows } from '../test-support/text-query.js';
import { runQuery } from './run-query.js';

const dir = tempDir();
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  // Units 1-6 at Lisbon, 7-12 at Manila; all in March 2026 (src/test-support/metric-data.ts).
  await importFile(store, 'interactions', writeText(dir, 'units.csv', qaUnitsCsv()), { tenant: 'default' });
  await importFile(store, 'qa_reviews', writeText(dir, 'reviews.csv', qaReviewsCsv()), { tenant: 'default' });
});

const query = (metrics: string[], by: ('site' | 'vendor')[] = []) =>
  runQuery(
    store,
    withWindows({
      metrics,
      tenant: 'default',
      period: '2026-03',
      zone: 'Europe/Lisbon',
      where: {},
      by,
      params: {},
      minN: 1,
      asOf: '2026-12-01T00:00:00Z',
    }),
  );

describe('quality assurance', () => {
  it("reproduces Krippendorff's published interval alpha of 0.849 in SQL, latest review per coder", async () => {
    const [alpha] = await query(['qa_alpha']);
    expect(alpha?.value).toBeCloseTo(0.849, 3);
    expect(alpha?.n).toBe(40); // pairable values: unit 12 has one value and is left out
    expect(alpha?.low).toBeLessThan(0.849);
    expect(alpha?.high).toBeGreaterThan(0.849);
  });

  it('gives alpha per site of the reviewed contact', async () => {
    const bySite = await query(['qa_alpha'], ['site']);
    expect(bySite.map((r) => r.group.site)).toEqual(['lisbon', 'manila']);
    expect(bySite.every((r) => r.value !== null && r.value < 1)).toBe(true);
  });

  it('averages the scores of reviews that are not calibration', async () => {
    const [score] = await query(['qa_score']);
    expect(score).toMatchObject({ value: 90, n: 3 });
    expect(score?.low).toBeCloseTo(90 - (4.302653 * 10) / Math.sqrt(3), 4); // t(0.975, 2) = 4.302653
  });
});
