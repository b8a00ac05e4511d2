import { type CompiledQuery, compileMetrics } from '../core/metric/compile.js';
import { estimate } from '../core/metric/finish.js';
import type { Sufficient } from '../core/metric/plan-types.js';
import type { Scope } from '../core/metric/scope.js';
import type { Sql } from '../core/sql/fragment.js';
import type { WeightedSample } from '../core/stats/bootstrap.js';
import { buckets } from '../core/time/buckets.js';
import type { Store } from '../store/store.js';
import { bootstrapIntervals } from './bootstrap-intervals.js';
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
  const compiled = compileMetrics(requests, scope, store.dialect);
  const results: Measured[] = [];
  for (const query of compiled) {
    onStatement?.(query.statement);
    results.push(...(await runOne(store, query, requests)));
  }
  fillEmptyGroups(results, requests, scope);
  if (intervals) await bootstrapIntervals(store, requests, scope, results);
  return results;
}

async function runOne(store: Store, query: CompiledQuery, requests: ResolvedRequest[]): Promise<Measured[]> {
  const rows = await store.query<Record<string, unknown>>(query.statement);
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
