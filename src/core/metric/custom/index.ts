/** Metrics a client defines in YAML (kind Metric): parsed, typed and compiled to plans, purely. */

export { parseMetric } from './parse-metric.js';
export { customInfo, customPlan, datasetDimensions } from './plan.js';
export type { CustomMetric, CustomMetricType } from './types.js';
