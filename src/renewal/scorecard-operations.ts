import type { KeyMeasurement } from '../core/contract/types.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { MetricResult } from '../core/metric/types.js';
import { measurementStatus } from '../core/renewal/model.js';
import type {
  MeasurementPeriod,
  MeasurementRow,
  ScopeRef,
  SiteSeries,
  TermPeriod,
} from '../core/renewal/types.js';
import { daysBetweenInclusive } from '../core/time/calendar.js';
import { parseWindows } from '../core/time/period-window.js';
import { runQuery } from '../query/run-query.js';
import { type Ctx, contractScope } from './scorecard-context.js';

/** The scorecard's remote operations and security: each key measurement (and attrition) by quarter, and attrition by site. */

/** One metric over several periods on a scope; whole quarters in one engine call. */
async function measureSeries(
  ctx: Ctx,
  metric: string,
  scope: ScopeRef,
  params: Record<string, unknown>,
  periods: TermPeriod[],
  by: 'site' | null = null,
): Promise<Map<string, MetricResult[]>> {
  const out = new Map<string, MetricResult[]>();
  const where: Record<string, string[]> = { vendor: [scope.vendor] };
  if (scope.workflows) where.workflow = scope.workflows;
  const run = (period: string) =>
    runQuery(ctx.store, {
      metrics: [metric],
      tenant: ctx.tenant,
      periods: parseWindows(period, ctx.contract.timezone, 'period'),
      zone: ctx.contract.timezone,
      where,
      by: by ? [by] : [],
      params,
      minN: 1,
      asOf: ctx.asOf,
    });
  const whole = periods.filter((p) => p.complete && /^\d{4}-Q\d$/.test(p.period));
  if (whole.length > 1) {
    const results = await run(`${whole[0]?.period}..${whole.at(-1)?.period}`);
    const labels = new Set(
      parseWindows(`${whole[0]?.period}..${whole.at(-1)?.period}`, ctx.contract.timezone, 'period').map(
        (w) => w.label,
      ),
    );
    if (whole.every((p) => labels.has(p.period)) && labels.size === whole.length) {
      for (const r of results) out.set(r.period, [...(out.get(r.period) ?? []), r]);
    }
  }
  for (const p of periods) {
    if (!out.has(p.period)) out.set(p.period, await run(p.period));
  }
  return out;
}

const toMeasurement = (
  p: TermPeriod,
  r: MetricResult | undefined,
  threshold: number | null,
  direction: 'higher' | 'lower' | 'neutral',
): MeasurementPeriod => {
  const estimate = { value: r?.value ?? null, low: r?.low ?? null, high: r?.high ?? null };
  return {
    period: p.period,
    display: p.display,
    ...estimate,
    n: r?.n ?? 0,
    insufficient: r?.value === null || r === undefined,
    matured: r?.matured ?? false,
    ...measurementStatus(estimate, threshold, direction),
  };
};

const SECURITY = new Set(['access_compliance', 'incident_ack_sla', 'incident_resolve_sla', 'max_site_share']);

export async function operations(
  ctx: Ctx,
  term: TermPeriod,
  quarters: TermPeriod[],
): Promise<MeasurementRow[]> {
  const { contract } = ctx;
  const attrition: KeyMeasurement = {
    metric: 'attrition',
    direction: 'lower',
    threshold: Number.NaN,
    params: {},
    source: '',
  };
  const rows: MeasurementRow[] = [];
  for (const key of [...contract.keyMeasurements, attrition]) {
    const info = metricInfo(key.metric);
    const threshold = Number.isNaN(key.threshold) ? null : key.threshold;
    const scope = contractScope(contract, key.metric);
    const series = await measureSeries(ctx, key.metric, scope, key.params, [term, ...quarters]);
    const at = (p: TermPeriod) => toMeasurement(p, series.get(p.period)?.[0], threshold, key.direction);
    rows.push({
      metric: key.metric,
      label: info?.label.singular ?? key.metric,
      unit: info?.unit ?? 'share',
      direction: key.direction,
      threshold,
      source: threshold === null ? null : key.source,
      group: SECURITY.has(key.metric) ? 'security' : 'remote_operations',
      scope,
      params: key.params,
      term: at(term),
      periods: quarters.map(at),
    });
  }
  return rows;
}

export async function attritionBySite(ctx: Ctx, quarters: TermPeriod[]): Promise<SiteSeries[]> {
  const scope = { vendor: ctx.contract.vendor, workflows: null };
  const series = await measureSeries(ctx, 'attrition', scope, {}, quarters, 'site');
  const sites = [...new Set([...series.values()].flat().map((r) => r.group.site ?? ''))]
    .filter(Boolean)
    .sort();
  return sites.map((site) => ({
    site,
    periods: quarters.map((q) => {
      const r = series.get(q.period)?.find((x) => x.group.site === site);
      return {
        period: q.period,
        display: q.display,
        days: daysBetweenInclusive(q.startDate, q.endDate),
        value: r?.value ?? null,
        n: r?.n ?? 0,
        low: r?.low ?? null,
        high: r?.high ?? null,
        insufficient: r?.value === null || r === undefined,
        matured: r?.matured ?? false,
      };
    }),
  }));
}
