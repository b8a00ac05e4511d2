import type { Contract, MetricInfo, Portfolio, QueryBody } from './types';

/**
 * The scopes pages query with. An outcome is always measured the way the overview and
 * settlement measure it: the contract's vendor, the portfolio's workflows (for metrics the
 * server's catalog says read interactions), and `contract`, so the server applies the
 * contract's zone and the outcome's parameters exactly as `covenant query --contract` does.
 */
export function outcomeQuery(
  terms: Contract,
  portfolio: Portfolio,
  metric: string,
  period: string,
  info: MetricInfo | undefined,
): QueryBody {
  const interactions = info?.readsInteractions ?? true;
  return {
    metrics: [metric],
    period,
    contract: terms.name,
    where: interactions
      ? { vendor: [terms.vendor], workflow: [...portfolio.workflows] }
      : { vendor: [terms.vendor] },
    minN: portfolio.minSample,
  };
}

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
  const reads = body.metrics.filter((m) => catalog.get(m)?.readsInteractions ?? false);
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
