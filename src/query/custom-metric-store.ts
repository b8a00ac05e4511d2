import { UserError } from '../core/issues.js';
import { METRIC_CATALOG, setCustomMetrics } from '../core/metric/catalog.js';
import { type CustomMetric, customInfo, parseMetric } from '../core/metric/custom/index.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/**
 * A tenant's custom metrics, stored as the YAML applied and parsed again on read, so what
 * runs is always what `covenant metric show` prints.
 */

export const BUILT_IN_IDS: readonly string[] = METRIC_CATALOG.map((m) => m.id);

/** Parses a Metric file's text against the built-in ids. */
export const parseCustomMetric = (text: string, file: string) =>
  parseMetric(text, file, { reserved: BUILT_IN_IDS });

export async function applyMetric(
  store: Executor,
  tenant: string,
  metric: CustomMetric,
): Promise<'created' | 'updated'> {
  const existing = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM custom_metrics WHERE tenant = ${tenant} AND metric_id = ${metric.id}`,
  );
  const updated = Number(existing[0]?.n ?? 0) > 0;
  await store.run(sql`DELETE FROM custom_metrics WHERE tenant = ${tenant} AND metric_id = ${metric.id}`);
  await store.run(
    sql`INSERT INTO custom_metrics VALUES (${tenant}, ${metric.id}, ${metric.dataset}, ${metric.source}, CURRENT_TIMESTAMP)`,
  );
  return updated ? 'updated' : 'created';
}

export async function removeMetric(store: Executor, tenant: string, id: string): Promise<void> {
  const rows = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM custom_metrics WHERE tenant = ${tenant} AND metric_id = ${id}`,
  );
  if (Number(rows[0]?.n ?? 0) === 0) throw new UserError(`no custom metric ${id} in tenant ${tenant}`);
  await store.run(sql`DELETE FROM custom_metrics WHERE tenant = ${tenant} AND metric_id = ${id}`);
}

/** Every custom metric of the tenant, by id. */
export async function listMetrics(store: Executor, tenant: string): Promise<CustomMetric[]> {
  const rows = await store.query<{ metric_id: string; source: string }>(
    sql`SELECT metric_id, source FROM custom_metrics WHERE tenant = ${tenant} ORDER BY metric_id`,
  );
  return rows.map((row) => {
    const parsed = parseCustomMetric(row.source, `custom metric ${row.metric_id}`);
    // A stored metric parsed when applied; failing now means the catalog changed under it.
    if (!parsed.ok) throw new UserError(`the stored metric ${row.metric_id} no longer parses`, parsed.issues);
    return parsed.value;
  });
}

/** The custom metrics among `ids` (none read when every id is built in); the tenant's catalog is set in core. */
export async function customMetricsFor(
  store: Executor,
  tenant: string,
  ids: readonly string[],
): Promise<CustomMetric[]> {
  if (ids.every((id) => BUILT_IN_IDS.includes(id))) return [];
  return (await loadTenantMetrics(store, tenant)).filter((m) => ids.includes(m.id));
}

/** Reads the tenant's custom metrics and makes them the tenant's catalog (contracts, settlement, scorecards read it). */
export async function loadTenantMetrics(store: Executor, tenant: string): Promise<CustomMetric[]> {
  const metrics = await listMetrics(store, tenant);
  setCustomMetrics(tenant, metrics.map(customInfo));
  return metrics;
}
