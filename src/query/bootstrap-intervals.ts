import { groupOf } from '../core/metric/compile.js';
import { contactsSource, groupBy, groupSelect } from '../core/metric/contacts-source.js';
import type { PlanContext } from '../core/metric/plan-types.js';
import type { Scope } from '../core/metric/scope.js';
import type { Dialect } from '../core/sql/dialect.js';
import { type Sql, sql } from '../core/sql/fragment.js';
import {
  bootstrapWeighted,
  meanSample,
  percentileSample,
  ratioSample,
  type WeightedSample,
  type WeightedStatistic,
} from '../core/stats/bootstrap.js';
import { intervalAlphaStatistic } from '../core/stats/krippendorff.js';
import type { Store } from '../store/store.js';
import type { ResolvedRequest } from './resolve-requests.js';
import { groupKey, type Measured } from './run-metrics.js';

/**
 * Percentile-bootstrap intervals (2000 resamples, seed 1). SQL returns a compact
 * histogram per group (distinct values with counts, or per-unit sums for alpha); the
 * resampling runs on those, never on raw rows.
 *
 * Each bootstrap metric's histogram rows, by request index, its statements started at once
 * (on a pool they run side by side, and beside the metrics' own statements).
 */
export function readHistograms(
  store: Store,
  requests: ResolvedRequest[],
  scope: Scope,
  intervals = true,
): Promise<Map<number, Record<string, unknown>[]>> {
  const reads = requests.flatMap((request, index) => {
    const statement =
      intervals || estimatesFromHistogram(request) ? histogramStatement(store.dialect, request, scope) : null;
    return statement
      ? [store.query<Record<string, unknown>>(statement).then((rows) => [index, rows] as const)]
      : [];
  });
  return Promise.all(reads).then((pairs) => new Map(pairs));
}

/** Whether a metric's point estimate is its histogram's statistic (plan-types `estimates`). */
const estimatesFromHistogram = (request: ResolvedRequest) =>
  request.plan.kind === 'aggregate' && request.plan.histogram?.estimates === true;

/**
 * Each result of a bootstrap metric gets its interval from its group's histogram rows (with
 * `intervals`), and its value too where the histogram estimates it.
 */
export function attachIntervals(
  requests: ResolvedRequest[],
  scope: Scope,
  dialect: Dialect,
  results: Measured[],
  histogramRows: Map<number, Record<string, unknown>[]>,
  intervals = true,
): void {
  for (const [index, request] of requests.entries()) {
    const all = histogramRows.get(index);
    if (!all) continue;
    const ctx: PlanContext = { scope, params: request.params, dialect };
    const byGroup = new Map<string, Record<string, unknown>[]>();
    for (const row of all) {
      const key = groupKey(groupOf(row, ctx));
      const list = byGroup.get(key);
      if (list) list.push(row);
      else byGroup.set(key, [row]);
    }
    for (const result of results.filter((r) => r.request === index)) {
      // A GROUP BY answers in any order, and the resampling draws by position: sorted, the
      // interval is the same on every run and every store.
      const rows = [...(byGroup.get(groupKey(result.group)) ?? [])].sort(byValues);
      if (rows.length === 0) continue;
      const sample = sampleFromRows(request.plan, rows);
      if (estimatesFromHistogram(request) && result.stats.kind === 'bootstrapped') {
        result.value = sample.statistic(sample.items, sample.counts);
        result.stats = { ...result.stats, value: result.value };
      }
      if (!intervals) continue;
      histograms.set(result, rows);
      const bounds = bootstrapWeighted(sample);
      result.sample = sample;
      result.low = bounds.low;
      result.high = bounds.high;
    }
  }
}

/** The statement of a bootstrap metric's histogram over a scope, or null when it has none. */
export function histogramStatement(dialect: Dialect, request: ResolvedRequest, scope: Scope): Sql | null {
  if (request.info.interval !== 'bootstrap') return null;
  const ctx: PlanContext = { scope, params: request.params, dialect };
  const plan = request.plan;
  return plan.kind === 'aggregate' && plan.histogram
    ? sql`SELECT ${groupSelect(scope)}${plan.histogram.value} AS v, count(*) AS w FROM (${contactsSource(ctx)}) c
            WHERE ${plan.histogram.where} AND ${plan.histogram.value} IS NOT NULL${groupBy(scope, ['v'])}`
    : plan.kind === 'query' && plan.histogram
      ? plan.histogram.query(ctx)
      : null;
}

/**
 * The resampling sample of a bootstrap metric from its histogram rows (sorted): the same
 * sample whether the rows were just read or kept with a persisted measurement
 * (measurement-cache.ts keeps the rows, since a sample holds functions).
 */
export function sampleFromRows(
  plan: ResolvedRequest['plan'],
  rows: Record<string, unknown>[],
): WeightedSample<unknown> {
  return plan.kind === 'query' && plan.histogram?.statistic === 'ratio'
    ? (ratioSample(
        rows.map((r) => ({ a: Number(r.a), b: Number(r.b), count: Number(r.w) })),
      ) as WeightedSample<unknown>)
    : plan.kind === 'query'
      ? {
          items: rows.map((r) => ({ m: Number(r.m), sum: Number(r.s1), sumSquares: Number(r.s2) })),
          counts: rows.map(() => 1),
          statistic: intervalAlphaStatistic as WeightedStatistic<unknown>,
        }
      : ((plan.histogram?.statistic === 'p90' ? percentileSample : meanSample)(
          rows.map((r) => Number(r.v)),
          rows.map((r) => Number(r.w)),
          0.9,
        ) as WeightedSample<unknown>);
}

/** The histogram rows each measured sample was made from (for measurement-cache.ts to keep). */
const histograms = new WeakMap<Measured, Record<string, unknown>[]>();

export const histogramOf = (m: Measured) => histograms.get(m);

/** A kept measurement's sample again, from its kept rows. */
export function restoreSample(
  m: Measured,
  plan: ResolvedRequest['plan'],
  rows: Record<string, unknown>[],
): void {
  m.sample = sampleFromRows(plan, rows);
  histograms.set(m, rows);
}

/** Orders histogram rows by their values (the columns the plans name), numerically. */
const SORT_KEYS = ['v', 'a', 'b', 'm', 's1', 's2', 'w'];
function byValues(x: Record<string, unknown>, y: Record<string, unknown>): number {
  for (const key of SORT_KEYS) {
    const d = Number(x[key] ?? 0) - Number(y[key] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
