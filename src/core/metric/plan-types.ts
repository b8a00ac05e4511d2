import type { Dialect } from '../sql/dialect.js';
import type { Sql } from '../sql/fragment.js';
import type { Scope } from './scope.js';

export type ParamValue = string | number | boolean | string[] | Record<string, unknown>;

/** What a plan needs to build SQL: the scope, the resolved parameters and the engine's dialect. */
export interface PlanContext {
  scope: Scope;
  params: Record<string, ParamValue>;
  dialect: Dialect;
}

/**
 * The statistics a value and its interval are computed from. SQL returns these per
 * group; JavaScript only finishes them (no raw rows ever come back).
 */
export type Sufficient =
  | { kind: 'share'; k: number; n: number }
  | { kind: 'mean'; n: number; mean: number | null; sd: number | null }
  | { kind: 'count'; value: number }
  | { kind: 'ratio'; value: number | null; n: number }
  | { kind: 'bootstrapped'; value: number | null; n: number };

export type StatsRow = Record<string, number | string | null>;

/** A part of a metric's statistics that adds up over any split of the rows: a count or a sum. */
export type AdditivePart = { kind: 'count'; where: Sql } | { kind: 'sum'; value: Sql; where: Sql };

/**
 * A metric's statistics as totals of additive parts, so a store may keep the parts per
 * day (rollups, core/metric/rollup.ts) and answer from them what the aggregates would.
 */
export interface AdditiveForm {
  parts: Record<string, AdditivePart>;
  /** Each statistic from the parts' totals; `total(part)` is the SQL of one part's total. */
  stats(total: (part: string) => Sql): Record<string, Sql>;
}

/** A metric computed from aggregates over a shared source, merged with its siblings into one scan. */
export interface AggregatePlan {
  kind: 'aggregate';
  source: 'contacts';
  aggregates(ctx: PlanContext): Record<string, Sql>;
  finish(row: StatsRow): Sufficient;
  /** The same statistics from additive parts, when they add up (counts, sums; not a percentile). */
  additive?(ctx: PlanContext): AdditiveForm;
  /** For bootstrap intervals: the unit values (over the same source) to resample. */
  histogram?: {
    value: Sql;
    where: Sql;
    statistic: 'mean' | 'p90';
    /**
     * The point estimate is the histogram's statistic (the runner reads the histogram with
     * or without intervals); the aggregates give n only. For a percentile: the sorted
     * (value, count) pairs give percentile_cont's interpolation exactly, without a sort of
     * the rows in SQL beside the histogram's grouping of the same rows.
     */
    estimates?: boolean;
  };
}

/** A metric with a query of its own that returns one row per group with its statistics. */
export interface QueryPlan {
  kind: 'query';
  /** Rows carry the group's dimension columns (named by dimension) and `bucket` when asked. */
  query(ctx: PlanContext): Sql;
  finish(row: StatsRow): Sufficient;
  /** True when query() itself buckets by ctx.scope.grain; otherwise the runner queries per bucket. */
  buckets?: boolean;
  histogram?: Histogram;
  /** Dimensions this metric can be filtered and broken down by. */
  dimensions?: readonly string[];
}

/**
 * Bootstrap support for a query plan: rows of (group columns, unit statistics, weight)
 * and the statistic recomputed on resampled units.
 */
export interface Histogram {
  query(ctx: PlanContext): Sql;
  /** alpha: rows (m, s1, s2) per unit; ratio: rows (a, b, w), w units sharing the pair. */
  statistic: 'alpha' | 'ratio';
}

export type MetricPlan = AggregatePlan | QueryPlan;
