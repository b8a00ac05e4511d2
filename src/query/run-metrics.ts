import { type CompiledQuery, compileMetrics, compileQueryPlans } from '../core/metric/compile.js';
import { compileAggregatesOverPeriods } from '../core/metric/compile-periods.js';
import { estimate } from '../core/metric/finish.js';
import type { AggregatePlan, Sufficient } from '../core/metric/plan-types.js';
import type { Scope } from '../core/metric/scope.js';
import type { Sql } from '../core/sql/fragment.js';
import type { WeightedSample } from '../core/stats/bootstrap.js';
import { buckets } from '../core/time/buckets.js';
import type { Store } from '../store/store.js';
import { attachIntervals, readHistograms } from './bootstrap-intervals.js';
import { measureThroughCache } from './measurement-cache.js';
import { measureKey, reportMeasurements } from './report-memo.js';
import type { ResolvedRequest } from './resolve-requests.js';

export interface Measured {
  request: number;
  group: Record<string, string>;
  stats: Sufficient;
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  warnings: string[];
  /** The resampling sample of a bootstrap metric (kept for baseline comparisons). */
  sample?: WeightedSample<unknown>;
}

export const groupKey = (group: Record<string, string>) => JSON.stringify(Object.entries(group).sort());

/**
 * Runs the compiled statements of a set of metrics over one scope and finishes each
 * group's statistics into a value, n and interval. All aggregation happens in SQL.
 */
export async function measure(
  store: Store,
  requests: ResolvedRequest[],
  scope: Scope,
  onStatement?: (statement: Sql) => void,
  intervals = true,
): Promise<Measured[]> {
  const [measured] = await measurePeriods(store, requests, [scope], onStatement, intervals);
  return measured ?? [];
}

/**
 * measure() over several scopes that differ only in their period, each answer the same as
 * measure() of that scope alone: the aggregate metrics of every period in one scan where
 * the store has no daily rollups (compile-periods.ts), the others per period. Within a
 * report (memo-store) a scope already measured is answered from memory, and within a
 * contract's page one persisted for the data version from the store.
 */
export async function measurePeriods(
  store: Store,
  requests: ResolvedRequest[],
  scopes: Scope[],
  onStatement?: (statement: Sql) => void,
  intervals = true,
): Promise<Measured[][]> {
  const memo = reportMeasurements(store);
  const keys = scopes.map((scope) => measureKey(requests, scope, intervals));
  const missing = scopes.map((_, i) => i).filter((i) => !memo?.has(keys[i] as string));
  // Within a contract's page, measurements persisted for the data version are read (measurement-cache.ts).
  const fresh = measureThroughCache(
    store,
    requests,
    missing.map((i) => scopes[i] as Scope),
    intervals,
    onStatement !== undefined,
    (asked) => measureAll(store, requests, asked, onStatement, intervals),
  );
  missing.forEach((i, j) => {
    const answer = fresh.then((all) => all[j] ?? []);
    memo?.set(keys[i] as string, answer);
    answer.catch(() => memo?.delete(keys[i] as string));
  });
  const answers = scopes.map((_, i) =>
    missing.includes(i)
      ? fresh.then((all) => all[missing.indexOf(i)] ?? [])
      : (memo?.get(keys[i] as string) as Promise<Measured[]>),
  );
  return Promise.all(answers);
}

async function measureAll(
  store: Store,
  requests: ResolvedRequest[],
  scopes: Scope[],
  onStatement: ((statement: Sql) => void) | undefined,
  intervals: boolean,
): Promise<Measured[][]> {
  if (scopes.length === 0) return [];
  const results: Measured[][] = scopes.map(() => []);
  const aggregates = requests
    .map((request, index) => ({ request, index }))
    .filter(
      (r): r is { request: ResolvedRequest & { plan: AggregatePlan }; index: number } =>
        r.request.plan.kind === 'aggregate',
    );
  // Daily rollups answer each period from a few rows already: there the per-period path stays.
  const batched = store.dialect.dailyRollups
    ? null
    : compileAggregatesOverPeriods(aggregates, scopes, store.dialect);
  if (batched) {
    onStatement?.(batched.statement);
    for (const row of await store.query<Record<string, unknown>>(batched.statement)) {
      const measured = finishRows(batched, [row], requests);
      for (const i of batched.scopesOf(row)) results[i]?.push(...measured);
    }
  }
  for (const [i, scope] of scopes.entries()) {
    const compiled = batched
      ? compileQueryPlans(requests, scope, store.dialect)
      : compileMetrics(requests, scope, store.dialect);
    for (const query of compiled) onStatement?.(query.statement);
    // The statements are independent: started together, a pool runs them side by side (a
    // session's one connection, and DuckDB's, in turn); results are kept in statement order.
    // Read without intervals too where a histogram gives a metric's value (plan-types `estimates`).
    const histograms = readHistograms(store, requests, scope, intervals);
    // Awaited below; handled here so a failing statement above leaves no unhandled rejection.
    histograms.catch(() => undefined);
    const answers = await Promise.all(compiled.map((query) => runOne(store, query, requests)));
    for (const answer of answers) results[i]?.push(...answer);
    fillEmptyGroups(results[i] as Measured[], requests, scope);
    attachIntervals(requests, scope, store.dialect, results[i] as Measured[], await histograms, intervals);
  }
  return results;
}

async function runOne(store: Store, query: CompiledQuery, requests: ResolvedRequest[]): Promise<Measured[]> {
  return finishRows(query, await store.query<Record<string, unknown>>(query.statement), requests);
}

function finishRows(
  query: Pick<CompiledQuery, 'decode'>,
  rows: Record<string, unknown>[],
  requests: ResolvedRequest[],
): Measured[] {
  return rows.flatMap((row) =>
    query.decode(row).map(({ request, group, stats }) => {
      const plan = (requests[request] as ResolvedRequest).plan;
      const ctxFree = stats as Record<string, number | string | null>;
      const sufficient = plan.finish(ctxFree);
      const warnings =
        Number(ctxFree.missing ?? 0) > 0
          ? [
              `${ctxFree.missing} customers with contacts in scope are missing from the customers dataset and are left out`,
            ]
          : [];
      return { request, group, stats: sufficient, ...estimate(sufficient), warnings };
    }),
  );
}

/** Without a breakdown every metric answers, even with no data (n = 0), and every bucket of a series is there. */
function fillEmptyGroups(results: Measured[], requests: ResolvedRequest[], scope: Scope): void {
  if (scope.by.length > 0) return;
  const expected = scope.grain
    ? buckets(scope.period, scope.zone, scope.grain).map((b) => b.label)
    : [undefined];
  // One set of what is there: a search per bucket made a long series quadratic.
  const present = new Set(results.map((r) => `${r.request}:${groupKey(r.group)}`));
  requests.forEach((request, index) => {
    for (const bucket of expected) {
      const group: Record<string, string> = bucket === undefined ? {} : { bucket };
      if (!present.has(`${index}:${groupKey(group)}`)) {
        const stats = request.plan.finish({});
        results.push({ request: index, group, stats, ...estimate(stats), warnings: [] });
      }
    }
  });
}
