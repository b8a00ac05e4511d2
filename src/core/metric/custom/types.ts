import type { DatasetName } from '../../dataset/types.js';
import type { Expr } from '../../expr/types.js';
import type { Direction, ParamDef, Unit } from '../types.js';

/** A client's own metric (kind Metric, docs/custom-metrics.md), parsed and checked. */
export type CustomMetricType = 'share' | 'mean' | 'count' | 'ratio';

/** One parsed expression of the spec and where it was written. */
export interface MetricExpr {
  text: string;
  expr: Expr;
}

export interface CustomMetric {
  /** metadata.name: the metric's id everywhere (query, contracts, API). */
  id: string;
  label: { singular: string; plural: string };
  description: string;
  dataset: DatasetName;
  type: CustomMetricType;
  /** The population (every row of the dataset in scope when absent). */
  where: MetricExpr | null;
  /** share: the condition counted; ratio: the summed numerator. */
  numerator: MetricExpr | null;
  /** mean: the value averaged. */
  value: MetricExpr | null;
  /** ratio: the summed denominator. */
  denominator: MetricExpr | null;
  direction: Direction;
  unit: Unit;
  params: ParamDef[];
  /** The YAML as applied, so `metric show` prints what the client wrote. */
  source: string;
}
