import { CONTACT_METRICS } from './catalog/contact-info.js';
import { OPERATIONS_METRICS, VALUE_METRICS } from './catalog/operations-info.js';
import type { MetricInfo } from './types.js';

/** Every metric of metrics.md, in its order: the one catalog the CLI, API, glossary and settlement read. */
export const METRIC_CATALOG: readonly MetricInfo[] = [
  ...CONTACT_METRICS,
  ...OPERATIONS_METRICS,
  ...VALUE_METRICS,
];

const byId = new Map(METRIC_CATALOG.map((metric) => [metric.id, metric]));

/**
 * The custom metrics (kind Metric) of the tenant this process serves, set when its store
 * is read (query/custom-metric-store.ts): one catalog for every reader. Built-in ids win.
 */
let custom = new Map<string, MetricInfo>();
export function setCustomMetrics(infos: readonly MetricInfo[]): void {
  custom = new Map(infos.filter((m) => !byId.has(m.id)).map((m) => [m.id, m]));
}
export const customMetricInfos = (): MetricInfo[] => [...custom.values()];

export const metricInfo = (id: string): MetricInfo | undefined => byId.get(id) ?? custom.get(id);

/**
 * Metrics whose scope is interactions (vendor + workflows): the metric's own info says so
 * by the datasets it reads. The rest are scoped to the vendor (and site, agent) only.
 */
export const readsInteractions = (info: Pick<MetricInfo, 'datasets'>): boolean =>
  info.datasets.includes('interactions');
