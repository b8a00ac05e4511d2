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
 * The custom metrics (kind Metric) of each tenant, set when its store is read
 * (query/custom-metric-store.ts). Built-in ids win. One server serves many tenants, so a
 * reader sees only its caller's tenant's: who the caller is comes from `callerTenant`,
 * which query/tenant-catalog.ts sets (the server runs each request, alert evaluation and
 * delivery inside `inTenantCatalog(tenant, ...)`; a CLI command, which serves one tenant,
 * in `withStore`). Outside any (a test, a one-tenant script) the catalog is the only
 * tenant's that was loaded, or none when several were: a definition never crosses tenants.
 */
const catalogs = new Map<string, Map<string, MetricInfo>>();
let callerTenant: () => string | undefined = () => undefined;

export function setCustomMetrics(tenant: string, infos: readonly MetricInfo[]): void {
  catalogs.set(tenant, new Map(infos.filter((m) => !byId.has(m.id)).map((m) => [m.id, m])));
}

/** Tells the catalog how to find the caller's tenant (set once, by query/tenant-catalog.ts). */
export function setCallerTenant(find: () => string | undefined): void {
  callerTenant = find;
}

function current(): Map<string, MetricInfo> | undefined {
  const tenant = callerTenant();
  if (tenant !== undefined) return catalogs.get(tenant);
  return catalogs.size === 1 ? catalogs.values().next().value : undefined;
}

export const customMetricInfos = (): MetricInfo[] => [...(current()?.values() ?? [])];

export const metricInfo = (id: string): MetricInfo | undefined => byId.get(id) ?? current()?.get(id);

/**
 * Metrics whose scope is interactions (vendor + workflows): the metric's own info says so
 * by the datasets it reads. The rest are scoped to the vendor (and site, agent) only.
 */
export const readsInteractions = (info: Pick<MetricInfo, 'datasets'>): boolean =>
  info.datasets.includes('interactions');
