import { UserError } from '../core/issues.js';
import { maturity } from '../core/metric/maturity.js';
import {
  DIMENSIONS,
  type Dimension,
  type Grain,
  isDimension,
  type PeriodWindow,
  type Scope,
} from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import type { Sql } from '../core/sql/fragment.js';
import { checkWindowBounds } from '../core/time/bounds.js';
import { buckets } from '../core/time/buckets.js';
import { daysBetweenInclusive } from '../core/time/calendar.js';
import type { Store } from '../store/store.js';
import { compareWithBaseline } from './compare-baseline.js';
import { customMetricsFor } from './custom-metric-store.js';
import { checkParamsUsed, type ResolvedRequest, resolveRequests } from './resolve-requests.js';
import { groupKey, type Measured, measure, measurePeriods } from './run-metrics.js';

export interface QueryOptions {
  metrics: string[];
  tenant: string;
  /** The periods, parsed at the edge (core/time/period-window.ts): one result set per period. */
  periods: PeriodWindow[];
  zone: string;
  where: Partial<Record<Dimension, string[]>>;
  by: Dimension[];
  grain?: Grain;
  /** Parameters by name: each applies to every asked metric that has it. */
  params: Record<string, unknown>;
  /** Parameters of one metric (a contract's), under `params`' explicit ones. */
  metricParams?: Record<string, Record<string, unknown>>;
  /** A period measured from data, or a written number. */
  baseline?: PeriodWindow | number;
  minN: number;
  /** Instant the data is judged as of (default now). */
  asOf?: string;
  /** Sees every statement run, for --explain. */
  onStatement?: (statement: Sql) => void;
  /**
   * False when the caller reads only values and n (a value metric's inputs): bootstrap
   * metrics then skip their resampling and answer low and high null. Default true.
   */
  intervals?: boolean;
}

/** `covenant query`: every metric, per period and group, with n, interval, maturity and the baseline comparison. */
export async function runQuery(store: Store, options: QueryOptions): Promise<MetricResult[]> {
  const custom = await customMetricsFor(store, options.tenant, options.metrics);
  checkParamsUsed(options.metrics, options.params, custom);
  const requests = resolveRequests(options.metrics, options.params, options.metricParams, custom);
  checkDimensions(requests, options);
  const asOf = options.asOf ?? new Date().toISOString();
  const scopeOf = (period: PeriodWindow, grain = options.grain): Scope => ({
    tenant: options.tenant,
    period,
    zone: options.zone,
    filters: options.where,
    by: options.by,
    grain,
    asOf,
  });
  const intervals = options.intervals ?? true;
  const baselineNumber = typeof options.baseline === 'number' ? options.baseline : null;
  const baseline =
    typeof options.baseline === 'object'
      ? await measure(store, requests, scopeOf(options.baseline, undefined), options.onStatement, intervals)
      : [];

  const results: MetricResult[] = [];
  // Bounded here too (the edges check first): no caller can ask for a century of days.
  const periods = checkWindowBounds(options.periods, options.grain);
  const all = await measurePeriods(
    store,
    requests,
    periods.map((period) => scopeOf(period)),
    options.onStatement,
    intervals,
  );
  for (const [index, period] of periods.entries()) {
    const measured = all[index] ?? [];
    // Each bucket of a series matures with its own end: its window, computed once per period.
    const windows = bucketWindows(period, options.zone, options.grain);
    for (const m of sortMeasured(measured)) {
      const request = requests[m.request];
      if (!request) continue;
      const { info } = request;
      const window = m.group.bucket === undefined ? period : (windows.get(m.group.bucket) ?? period);
      const { matured, maturesOn } = maturity(info, request.params, window, options.zone, asOf);
      const insufficient = m.n < options.minN || m.value === null;
      const reference = baselineOf(baseline, m, baselineNumber);
      results.push({
        metric: info.id,
        group: m.group,
        period: period.label,
        value: m.value,
        n: m.n,
        low: m.low,
        high: m.high,
        unit: info.unit,
        direction: info.direction,
        matured,
        maturesOn,
        insufficient,
        ...compareWithBaseline(info, m, reference),
        params: request.params,
        zone: options.zone,
        ...(m.warnings.length > 0 ? { warnings: m.warnings } : {}),
      });
    }
  }
  return results;
}

/** The baseline for a result: the written number, or the same metric and dimension group in the baseline period. */
function baselineOf(baseline: Measured[], m: Measured, number: number | null): Measured | number | null {
  if (number !== null) return number;
  const { bucket: _bucket, ...dims } = m.group;
  return baseline.find((b) => b.request === m.request && groupKey(b.group) === groupKey(dims)) ?? null;
}

const sortMeasured = (measured: Measured[]) =>
  [...measured].sort((a, b) => a.request - b.request || groupKey(a.group).localeCompare(groupKey(b.group)));

/** Metrics that do not read interactions are scoped by the agents' vendor, site and agent only. */
function checkDimensions(requests: ResolvedRequest[], options: QueryOptions): void {
  const asked = new Set<string>([...options.by, ...Object.keys(options.where)]);
  const unknown = [...asked].filter((dim) => !isDimension(dim));
  if (unknown.length > 0)
    throw new UserError(`unknown dimension ${unknown.join(', ')}; expected one of ${DIMENSIONS.join(', ')}`);
  for (const { info, plan } of requests) {
    const allowed = plan.kind === 'query' ? plan.dimensions : undefined;
    const bad = allowed ? [...asked].filter((dim) => !allowed.includes(dim)) : [];
    if (bad.length > 0) {
      throw new UserError(
        `${info.id} cannot be filtered or broken down by ${bad.join(', ')} (it can by ${allowed?.join(', ')})`,
      );
    }
  }
}

function bucketWindows(
  period: PeriodWindow,
  zone: string,
  grain: Grain | undefined,
): Map<string, PeriodWindow> {
  if (!grain) return new Map();
  return new Map(
    buckets(period, zone, grain).map((b) => [
      b.label,
      { ...period, ...b, days: daysBetweenInclusive(b.startDate, b.endDate) },
    ]),
  );
}
