import { join } from 'node:path';
import jStat from 'jstat';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../ingest/import-file.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { INTERACTION_HEADER, interaction, tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

/**
 * Synthetic contacts with a known effect: Lisbon's top-2-box CSAT jumps from 0.75 to 0.86
 * while the control (Krakow) slips from 0.78 to 0.76, so the difference in differences
 * is 0.13. Dublin moves exactly as the control does: a placebo with no effect. The
 * expected numbers are computed here by hand from the generated scores, not by Covenant.
 */
const dir = tempDir();
const db = join(dir, 'experiment.duckdb');
const CELLS = {
  lisbonPre: { site: 'lisbon', vendor: 'brightpath', from: '2026-03-02', n: 400, k: 300 },
  lisbonPost: { site: 'lisbon', vendor: 'brightpath', from: '2026-04-01', n: 500, k: 430 },
  krakowPre: { site: 'krakow', vendor: 'coastline', from: '2026-03-02', n: 300, k: 234 },
  krakowPost: { site: 'krakow', vendor: 'coastline', from: '2026-04-01', n: 350, k: 266 },
  dublinPre: { site: 'dublin', vendor: 'in_house', from: '2026-03-02', n: 250, k: 200 },
  dublinPost: { site: 'dublin', vendor: 'in_house', from: '2026-04-01', n: 200, k: 156 },
} as const;
const scores: Record<string, number[]> = {};

beforeAll(async () => {
  const lines = [INTERACTION_HEADER];
  let id = 0;
  for (const [name, cell] of Object.entries(CELLS)) {
    const cellScores: number[] = [];
    for (let i = 0; i < cell.n; i++) {
      // Satisfied contacts score 4 or 5, the others 1, 2 or 3; days spread over 30.
      const csat = i < cell.k ? 4 + (i % 2) : 1 + (i % 3);
      cellScores.push(csat);
      const day = new Date(Date.parse(`${cell.from}T12:00:00Z`) + (i % 30) * 86_400_000).toISOString();
      lines.push(
        interaction(`x${id++}`, {
          started_at: day,
          site: cell.site,
          vendor: cell.vendor,
          csat: String(csat),
        }),
      );
    }
    scores[name] = cellScores;
  }
  // Contacts outside both windows must not count.
  for (const at of ['2026-02-20T12:00:00Z', '2026-05-05T12:00:00Z'])
    for (let i = 0; i < 50; i++)
      lines.push(interaction(`o${id++}`, { started_at: at, site: 'lisbon', csat: '1' }));
  const store = await DuckDbStore.open(db);
  await importFile(store, 'interactions', writeText(dir, 'contacts.csv', lines.join('\n')), {
    tenant: 'default',
  });
  await store.close();
});

const share = (name: keyof typeof CELLS) => {
  const s = scores[name] as number[];
  const p = s.filter((v) => v >= 4).length / s.length;
  return { value: p, n: s.length, variance: (p * (1 - p)) / s.length };
};
const mean = (name: keyof typeof CELLS) => {
  const s = scores[name] as number[];
  const m = s.reduce((a, b) => a + b, 0) / s.length;
  const variance = s.reduce((a, b) => a + (b - m) ** 2, 0) / (s.length - 1);
  return { value: m, n: s.length, variance: variance / s.length };
};
/** The difference in differences and its interval as metrics.md writes them, by hand. */
function byHand(cells: { value: number; n: number; variance: number }[]) {
  const [tPre, tPost, cPre, cPost] = cells as [
    (typeof cells)[0],
    (typeof cells)[0],
    (typeof cells)[0],
    (typeof cells)[0],
  ];
  const effect = tPost.value - tPre.value - (cPost.value - cPre.value);
  const se = Math.sqrt(cells.reduce((a, c) => a + c.variance, 0));
  return { effect, low: effect - 1.959964 * se, high: effect + 1.959964 * se, se };
}

const twoSidedP = (z: number) => 2 * jStat.normal.cdf(-Math.abs(z), 0, 1);

const estimate = (metric: string, treated: string, ...extra: string[]) => {
  const { code, stdout, stderr } = runCli([
    'experiment',
    'estimate',
    '--db',
    db,
    '--metric',
    metric,
    '--treated',
    treated,
    '--control',
    'site=krakow',
    '--start',
    '2026-04-01',
    '--pre',
    '30d',
    '--post',
    '30d',
    '--format',
    'json',
    ...extra,
  ]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
};

describe('covenant experiment estimate', () => {
  it('reproduces a hand-computed difference in differences of a share with a known effect', () => {
    const e = estimate('csat', 'site=lisbon');
    const hand = byHand([share('lisbonPre'), share('lisbonPost'), share('krakowPre'), share('krakowPost')]);
    expect(hand.effect).toBeCloseTo(0.13, 10);
    expect(Math.abs(e.effect - hand.effect)).toBeLessThan(1e-6);
    expect(Math.abs(e.low - hand.low)).toBeLessThan(1e-6);
    expect(Math.abs(e.high - hand.high)).toBeLessThan(1e-6);
    expect(e.low).toBeGreaterThan(0);
    expect(Math.abs(e.p - twoSidedP(hand.effect / hand.se))).toBeLessThan(1e-6);
    expect(e.p).toBeLessThan(0.01);
    expect(e.insufficient).toBe(false);
    expect(e.cells.treatedPre).toMatchObject({ n: 400, value: 0.75 });
    expect(e.cells.treatedPost).toMatchObject({ n: 500, value: 0.86 });
    expect(e.cells.controlPost.n).toBe(350);
  });

  it('finds no effect in a placebo that moved as the control did', () => {
    const e = estimate('csat', 'site=dublin');
    const hand = byHand([share('dublinPre'), share('dublinPost'), share('krakowPre'), share('krakowPost')]);
    expect(Math.abs(hand.effect)).toBeLessThan(1e-12);
    expect(Math.abs(e.effect - hand.effect)).toBeLessThan(1e-6);
    expect(Math.abs(e.low - hand.low)).toBeLessThan(1e-6);
    expect(Math.abs(e.high - hand.high)).toBeLessThan(1e-6);
    expect(e.low).toBeLessThan(0);
    expect(e.high).toBeGreaterThan(0);
    expect(e.p).toBeGreaterThan(0.99);
  });

  it('uses the sample variances of a mean metric', () => {
    const e = estimate('csat_mean', 'site=lisbon');
    const hand = byHand([mean('lisbonPre'), mean('lisbonPost'), mean('krakowPre'), mean('krakowPost')]);
    expect(Math.abs(e.effect - hand.effect)).toBeLessThan(1e-6);
    expect(Math.abs(e.high - e.low - (hand.high - hand.low))).toBeLessThan(1e-6);
    expect(Math.abs(e.p - twoSidedP(hand.effect / hand.se))).toBeLessThan(1e-6);
  });

  it('is insufficient when a cell is under the minimum sample', () => {
    expect(estimate('csat', 'site=dublin', '--min-sample', '220').insufficient).toBe(true);
    expect(estimate('csat', 'site=dublin').insufficient).toBe(false);
  });

  it('stores, lists, shows and removes an experiment', () => {
    const add = runCli([
      'experiment',
      'add',
      'lisbon-coaching',
      '--db',
      db,
      '--title',
      'Lisbon coaching',
      '--metric',
      'csat',
      '--treated',
      'site=lisbon',
      '--control',
      'site=krakow',
      '--start',
      '2026-04-01',
      '--pre',
      '30d',
      '--post',
      '30d',
    ]);
    expect(add.stderr).toBe('');
    expect(runCli(['experiment', 'list', '--db', db]).stdout).toContain('lisbon-coaching');
    const shown = JSON.parse(
      runCli(['experiment', 'show', 'lisbon-coaching', '--db', db, '--format', 'json']).stdout,
    );
    expect(shown.estimate.effect).toBeCloseTo(0.13, 9);
    expect(runCli(['experiment', 'remove', 'lisbon-coaching', '--db', db]).code).toBe(0);
    expect(runCli(['experiment', 'show', 'lisbon-coaching', '--db', db]).code).toBe(2);
  });

  it('names every problem of a bad definition', () => {
    const { code, stderr } = runCli([
      'experiment',
      'estimate',
      '--db',
      db,
      '--metric',
      'nope',
      '--treated',
      'planet=mars',
      '--control',
      'site=krakow',
      '--start',
      '2026-13-01',
      '--pre',
      '3h',
    ]);
    expect(code).toBe(2);
    for (const word of ['metric', 'planet', 'start', 'pre']) expect(stderr).toContain(word);
    const scoped = runCli([
      'experiment',
      'estimate',
      '--db',
      db,
      '--metric',
      'adherence',
      '--treated',
      'channel=chat',
      '--control',
      'site=krakow',
      '--start',
      '2026-04-01',
    ]);
    expect(scoped.code).toBe(2);
    expect(scoped.stderr).toContain('adherence cannot be filtered by channel');
  });
});
