import type { ParamValue } from './plan-types.js';

/** The metric catalog as data: what every page, the CLI, the API and settlement read. */

export type Unit = 'share' | 'seconds' | 'count' | 'days' | 'money' | 'ratio' | 'mean_score';
export type Direction = 'higher' | 'lower' | 'neutral';
export type IntervalMethod = 'wilson' | 'student_t' | 'bootstrap' | 'none';
export type MetricFamily = 'contact' | 'qa' | 'remote_operations' | 'security' | 'value' | 'custom';

export interface ParamDef {
  name: string;
  kind: 'duration' | 'seconds' | 'days' | 'enum' | 'bool' | 'countries' | 'limits' | 'number';
  default:
    | string
    | number
    | boolean
    | string[]
    | Record<string, { acknowledgeWithin: string; resolveWithin: string }>;
  description: string;
  values?: readonly string[];
}

export interface MetricInfo {
  id: string;
  family: MetricFamily;
  label: { singular: string; plural: string };
  unit: Unit;
  direction: Direction;
  /** The formula in words, as metrics.md writes it. */
  formula: string;
  /** What n counts. */
  n: string;
  datasets: readonly string[];
  params: readonly ParamDef[];
  interval: IntervalMethod;
  /** When a period's value is final: at its end, or after a parameter's duration. */
  maturity:
    | { after: 'period_end' }
    | { after: 'param'; param: string }
    | { after: 'deadline'; param: string };
  /** Needs a contract (value metrics read settlements). */
  needsContract?: boolean;
  /** Shown as a percentage though its unit is a ratio (annualised attrition, 0.52 = 52%, may pass 100%). */
  display?: 'percent';
}

/** One value of one metric for one group and period: the JSON of `covenant query --format json`. */
export interface MetricResult {
  metric: string;
  /** The --by values of this row ({} without a breakdown), plus `bucket` for a time series. */
  group: Record<string, string>;
  period: string;
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  unit: Unit;
  direction: Direction;
  matured: boolean;
  /** Local date (YYYY-MM-DD) from which the value is final. */
  maturesOn: string | null;
  insufficient: boolean;
  baseline: number | null;
  difference: number | null;
  differenceLow: number | null;
  differenceHigh: number | null;
  p: number | null;
  /** The parameters the value was measured with (a contract's, or the catalog defaults). */
  params?: Record<string, ParamValue>;
  /** The zone whose local midnights bound the period. */
  zone?: string;
  /** Data-quality notes (e.g. customers missing from the customers dataset). */
  warnings?: string[];
}
