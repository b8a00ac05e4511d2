import { paramsText } from './contracts';
import type { Contract, MetricInfo, Portfolio, QueryBody } from './types';

/**
 * The scopes pages query with. An outcome is always measured the way the overview and
 * settlement measure it: the contract's vendor, the portfolio's workflows, the contract's
 * zone, the outcome's parameters and the portfolio's minimum sample. The same scope then
 * gives the same number on every page.
 */
export function outcomeQuery(
  terms: Contract,
  portfolio: Portfolio,
  metric: string,
  period: string,
  info: MetricInfo | undefined,
): QueryBody {
  const outcome = portfolio.outcomes.find((o) => o.metric === metric);
  const interactions = !info || readsInteractions(info);
  return {
    metrics: [metric],
    period,
    timezone: terms.timezone,
    where: interactions
      ? { vendor: [terms.vendor], workflow: [...portfolio.workflows] }
      : { vendor: [terms.vendor] },
    params: outcome ? paramsText(outcome.params) : {},
    minN: portfolio.minSample,
  };
}

/**
 * Whether a metric is scoped through interactions (so by workflow, channel, path), as the
 * server's catalog says (src/core/metric/catalog.ts readsInteractions); the others (remote
 * operations, security) are scoped by vendor, site and agent only.
 */
export const readsInteractions = (info: Pick<MetricInfo, 'family' | 'id'>): boolean =>
  info.family === 'contact' ||
  info.family === 'qa' ||
  info.id === 'max_site_share' ||
  info.family === 'value';

/**
 * One body per scope kind, as the overview measures key measurements: metrics that read
 * interactions on the given workflows (when there are any), the others on vendor and site
 * alone; each with only the parameters its metrics have.
 */
export function splitByScope(
  body: QueryBody,
  workflows: readonly string[] | null,
  catalog: Map<string, MetricInfo>,
): QueryBody[] {
  const reads = body.metrics.filter((m) => {
    const info = catalog.get(m);
    return info ? readsInteractions(info) : false;
  });
  const others = body.metrics.filter((m) => !reads.includes(m));
  const params = body.params ?? {};
  const out: QueryBody[] = [];
  if (others.length > 0) out.push({ ...body, metrics: others, params: paramsFor(others, params, catalog) });
  if (reads.length > 0)
    out.push({
      ...body,
      metrics: reads,
      params: paramsFor(reads, params, catalog),
      where: workflows ? { ...body.where, workflow: [...workflows] } : body.where,
    });
  return out;
}

/** Parameters of the contract's key measurements (coaching mode and cadence, backfill days, access rules). */
export function keyMeasurementParams(terms: Contract | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of terms?.keyMeasurements ?? []) Object.assign(out, paramsText(key.params));
  return out;
}

/** The target of an outcome, when the metric is one of the portfolio's outcomes. */
export const outcomeTarget = (portfolio: Portfolio | undefined, metric: string): number | null =>
  portfolio?.outcomes.find((o) => o.metric === metric)?.target ?? null;

/** Contact metrics a workflow drill-down offers beside the portfolio's outcomes. */
export const DRILL_METRICS = [
  'csat',
  'fcr',
  'resolution_rate',
  'error_rate',
  'aht',
  'asa',
  'service_level',
  'abandon_rate',
  'backlog',
  'contacts',
  'containment',
  'escalation_rate',
] as const;

/** Remote-operations metrics by vendor and site. */
export const OPERATIONS_METRICS = [
  'adherence',
  'coaching_coverage',
  'qa_alpha',
  'backfill_days',
  'backfill_within_sla',
  'attrition',
] as const;

/** Automation metrics, monthly. */
export const AUTOMATION_METRICS = ['containment', 'escalation_rate', 'bot_error_rate', 'aht'] as const;

/** An agent's own numbers beside their site's. */
export const AGENT_METRICS = ['csat', 'resolution_rate', 'aht', 'qa_score', 'adherence'] as const;

/** Keeps the parameters some asked metric has (the API refuses one that none has). */
export function paramsFor(
  metrics: readonly string[],
  params: Record<string, string>,
  catalog: Map<string, { params: { name: string }[] }>,
): Record<string, string> {
  const known = new Set(metrics.flatMap((id) => catalog.get(id)?.params.map((p) => p.name) ?? []));
  return Object.fromEntries(Object.entries(params).filter(([name]) => known.has(name)));
}
