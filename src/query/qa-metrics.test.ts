import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { runQuery } from './run-query.js';
import { interactionsCsv } from './test-data.js';

/** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 coders x 12 units, '*' missing. */
const MATRIX: Record<string, (number | null)[]> = {
  A: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  B: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  C: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  D: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
};

const dir = tempDir();
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  // Units 1-6 at Lisbon, 7-12 at Manila; all in March 2026.
  const units = Array.from({ length: 12 }, (_, i) => ({
    id: `u${i + 1}`,
    at: `2026-03-${String(i + 2).padStart(2, '0')}T10:00:00Z`,
    site: i < 6 ? 'lisbon' : 'manila',
  }));
  await importFile(store, 'interactions', writeText(dir, 'units.csv', interactionsCsv(units)), {
    tenant: 'default',
  });
  const reviews = ['review_id,interaction_id,reviewer_id,reviewed_at,score,calibration'];
  for (const [coder, values] of Object.entries(MATRIX)) {
    values.forEach((value, i) => {
      if (value !== null)
        reviews.push(`${coder}${i + 1},u${i + 1},${coder},2026-03-20T10:00:00Z,${value},true`);
    });
  }
  // An earlier calibration review by A of unit 1 that the later one (value 1) supersedes.
  reviews.push('A1-draft,u1,A,2026-03-19T10:00:00Z,5,true');
  // Ordinary reviews for qa_score: 80, 90, 100 at Lisbon.
  reviews.push(
    'q1,u1,E,2026-03-21T10:00:00Z,80,false',
    'q2,u2,E,2026-03-21T10:00:00Z,90,false',
    'q3,u3,E,2026-03-21T10:00:00Z,100,',
  );
  await importFile(store, 'qa_reviews', writeText(dir, 'reviews.csv', reviews.join('\n')), {
    tenant: 'default',
  });
});

const query = (metrics: string[], by: ('site' | 'vendor')[] = []) =>
  runQuery(store, {
    metrics,
    tenant: 'default',
    period: '2026-03',
    zone: 'Europe/Lisbon',
    where: {},
    by,
    params: {},
    minN: 1,
    asOf: '2026-12-01T00:00:00Z',
  });

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
