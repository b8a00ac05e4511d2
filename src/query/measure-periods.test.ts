import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../core/metric/catalog.js';
import { compileAggregatesOverPeriods } from '../core/metric/compile-periods.js';
import type { AggregatePlan } from '../core/metric/plan-types.js';
import { METRIC_PLANS } from '../core/metric/plans.js';
import type { PeriodWindow, Scope } from '../core/metric/scope.js';
import { duckdbDialect } from '../core/sql/duckdb-dialect.js';
import type { Sql } from '../core/sql/fragment.js';
import { parseWindow } from '../core/time/period-window.js';
import { importFile } from '../ingest/import-file.js';
import { memoStore } from '../renewal/memo-store.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { type QueryOptions, runQuery } from './run-query.js';
import { CUSTOMERS, interactionsCsv, MARCH } from './test-data.js';

/**
 * Several periods asked at once (the scorecard's term and quarters) answer exactly what
 * each period asked alone answers: the aggregate metrics of all of them come from one
 * scan (core/metric/compile-periods.ts), the others per period, and a report's store
 * answers a later ask for one of them from memory.
 */
const dir = tempDir();
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  await importFile(store, 'interactions', writeText(dir, 'march.csv', interactionsCsv(MARCH)), {
    tenant: 'default',
  });
  await importFile(store, 'customers', writeText(dir, 'customers.csv', CUSTOMERS), { tenant: 'default' });
});

const ZONE = 'Europe/Lisbon';
const window = (text: string) => parseWindow(text, ZONE, 'period');
const AGGREGATES = METRIC_CATALOG.filter((m) => METRIC_PLANS[m.id]?.kind === 'aggregate').map((m) => m.id);
const METRICS = [...AGGREGATES, 'fcr', 'retention_90d'];

const options = (periods: PeriodWindow[], extra: Partial<QueryOptions> = {}): QueryOptions => ({
  metrics: METRICS,
  tenant: 'default',
  periods,
  zone: ZONE,
  where: { vendor: ['brightpath'] },
  by: [],
  params: {},
  minN: 1,
  asOf: '2026-12-01T00:00:00Z',
  baseline: window('2026-02'),
  ...extra,
});

async function alone(periods: PeriodWindow[], extra: Partial<QueryOptions> = {}) {
  const out = [];
  for (const p of periods) out.push(...(await runQuery(store, options([p], extra))));
  return out;
}

async function together(periods: PeriodWindow[], extra: Partial<QueryOptions> = {}) {
  const statements: Sql[] = [];
  const results = await runQuery(
    store,
    options(periods, { ...extra, onStatement: (s) => statements.push(s) }),
  );
  return { results, statements };
}

// A month and its three parts; the parts alone; parts with a gap between them.
const MONTH = ['2026-03', '2026-03-01..2026-03-10', '2026-03-11..2026-03-20', '2026-03-21..2026-03-31'];
const GAPPED = ['2026-03-01..2026-03-05', '2026-03-12..2026-03-20', '2026-03-25..2026-03-31'];

describe('several periods measured at once', () => {
  for (const [name, labels] of [
    ['a month and its parts', MONTH],
    ['the parts alone', MONTH.slice(1)],
    ['parts with gaps between them', GAPPED],
  ] as const) {
    it(`${name}: the same results as each period alone, the aggregates in one scan`, async () => {
      const periods = labels.map(window);
      const { results, statements } = await together(periods);
      expect(results).toEqual(await alone(periods));
      // One scan for the aggregates of every period (the baseline's own), then fcr and retention per period.
      const scans = statements.filter((s) => s.text.includes('AS period_index'));
      expect(scans).toHaveLength(1);
      expect(results.filter((r) => r.metric === 'contacts').map((r) => r.period)).toEqual(
        periods.map((p) => p.label),
      );
    });
  }

  it('broken down by a dimension, and with a written baseline', async () => {
    const periods = MONTH.map(window);
    for (const extra of [
      { by: ['channel'] },
      { baseline: 0.5 },
      { intervals: false },
    ] as Partial<QueryOptions>[]) {
      expect((await together(periods, extra)).results).toEqual(await alone(periods, extra));
    }
  });

  it('overlapping periods that are not one spanning the others: each scanned alone, the same results', async () => {
    const periods = ['2026-03-01..2026-03-20', '2026-03-11..2026-03-31'].map(window);
    const { results, statements } = await together(periods);
    expect(statements.some((s) => s.text.includes('AS period_index'))).toBe(false);
    expect(results).toEqual(await alone(periods));
  });

  it('through a report store, a period measured with others is answered from memory', async () => {
    const report = memoStore(store);
    const periods = MONTH.map(window);
    const first = await runQuery(report, options(periods));
    const statements: Sql[] = [];
    const again = await runQuery(
      report,
      options([periods[2] as PeriodWindow], { onStatement: (s) => statements.push(s) }),
    );
    expect(statements).toHaveLength(0);
    expect(again).toEqual(first.filter((r) => r.period === periods[2]?.label));
    // A write through the report's store forgets what it measured.
    await report.run({ text: 'SELECT 1', params: [] });
    await runQuery(report, options([periods[2] as PeriodWindow], { onStatement: (s) => statements.push(s) }));
    expect(statements.length).toBeGreaterThan(0);
  });
});

describe('compileAggregatesOverPeriods', () => {
  const scope = (label: string, grain?: 'day'): Scope => ({
    tenant: 'default',
    period: window(label),
    zone: ZONE,
    filters: {},
    by: [],
    asOf: '2026-12-01T00:00:00Z',
    ...(grain ? { grain } : {}),
  });
  const items = ['csat', 'contacts'].map((metric, index) => ({
    request: { metric, plan: METRIC_PLANS[metric] as AggregatePlan, params: {} },
    index,
  }));
  it('declines what one scan cannot answer: a series, scopes that differ beyond their period, one period', () => {
    expect(
      compileAggregatesOverPeriods(items, [scope('2026-03', 'day'), scope('2026-04', 'day')], duckdbDialect),
    ).toBeNull();
    expect(
      compileAggregatesOverPeriods(
        items,
        [scope('2026-03'), { ...scope('2026-04'), filters: { vendor: ['x'] } }],
        duckdbDialect,
      ),
    ).toBeNull();
    expect(compileAggregatesOverPeriods(items, [scope('2026-03')], duckdbDialect)).toBeNull();
    expect(
      compileAggregatesOverPeriods(items, [scope('2026-03'), scope('2026-04')], duckdbDialect),
    ).not.toBeNull();
  });
});
