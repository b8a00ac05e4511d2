import { listVersions, type StoredVersion } from '../contracts/contract-store.js';
import { measureOutcomes } from '../contracts/measure-outcomes.js';
import { listProposals } from '../contracts/proposal-store.js';
import { triggerMeasures } from '../contracts/recalibrate-data.js';
import { computeSettlement } from '../contracts/settle-contract.js';
import { valueMetrics } from '../contracts/value-metrics.js';
import { versionsInForce } from '../contracts/versions-in-force.js';
import type { Contract, KeyMeasurement } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo, readsInteractions } from '../core/metric/catalog.js';
import type { MetricResult } from '../core/metric/types.js';
import { evaluateTriggers, type PeriodMeasures } from '../core/recalibration/index.js';
import {
  attainment,
  evidenceOf,
  measurementStatus,
  moneyPeriod,
  moneySummary,
  outcomeMoney,
  periodsOf,
  relativeChange,
  targetBeyondBaseline,
  termSoFar,
} from '../core/renewal/model.js';
import { DEFAULT_RULE_SETTINGS, recommend } from '../core/renewal/rules.js';
import type {
  MeasurementPeriod,
  MeasurementRow,
  MoneyPeriod,
  OutcomePeriodValue,
  OutcomeRow,
  RecalibrationSummary,
  RuleSettings,
  ScopeRef,
  Scorecard,
  ScorecardData,
  SiteSeries,
  TermPeriod,
  ValuePeriod,
} from '../core/renewal/types.js';
import type { Settlement } from '../core/settlement/types.js';
import { localMidnight } from '../core/time/boundaries.js';
import { daysBetweenInclusive, isDate } from '../core/time/calendar.js';
import { instantMs, localDateOf } from '../core/time/zone.js';
import { periodWindows, runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';

/**
 * The renewal scorecard of a stored contract (docs/renewal.md), gathered through the
 * existing services: the metric engine per outcome and key measurement (term so far and
 * each quarter), the invoices of each settlement period computed and not stored, the value
 * metrics, and the recalibration proposals and versions; then the renewal rules.
 */

export interface ScorecardOptions {
  /** A date (the term so far ends the day before it) or an instant; default now. */
  asOf?: string;
  settings?: RuleSettings;
}

/** `--as-of`: a local date in the contract's zone (its midnight) or an instant. */
export function resolveAsOf(text: string | undefined, zone: string): { instant: string; date: string } {
  if (text === undefined) {
    const instant = new Date().toISOString();
    return { instant, date: localDateOf(instant, zone) };
  }
  if (isDate(text)) return { instant: localMidnight(text, zone), date: text };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UserError(`--as-of ${text}: not a calendar date`);
  const instant = new Date(instantMs(text)).toISOString();
  return { instant, date: localDateOf(instant, zone) };
}

export async function buildScorecard(
  store: Store,
  tenant: string,
  contractId: string,
  options: ScorecardOptions = {},
): Promise<Scorecard> {
  const versions = await listVersions(store, tenant, contractId);
  const latest = versions.at(-1);
  if (!latest) throw new UserError(`no contract ${contractId} (covenant contract apply FILE stores one)`);
  const asOf = resolveAsOf(options.asOf, latest.contract.timezone);
  const term = termSoFar(latest.contract.term, asOf.date);
  if (!term) {
    throw new UserError(
      `${contractId}: the term starts ${latest.contract.term.start}, after ${asOf.date}: nothing to score yet`,
    );
  }
  // The terms in force at the end of the term so far: the ones a renewal would carry on.
  const inForce = versionsInForce(versions, term.startDate, term.endDate).at(-1)?.version ?? latest;
  const contract = inForce.contract;
  const settings = options.settings ?? DEFAULT_RULE_SETTINGS;
  const quarters = periodsOf(term, 'quarter');
  const settlementPeriods = periodsOf(term, contract.settlement === 'monthly' ? 'month' : 'quarter');
  const ctx = { store, tenant, contract, asOf: asOf.instant, settings };

  const settlements = await settle(ctx, contractId, settlementPeriods);
  const data: ScorecardData = {
    kind: 'RenewalScorecard',
    contract: {
      id: contractId,
      displayName: contract.displayName ?? contractId,
      version: inForce.version,
      client: contract.client,
      vendor: contract.vendor,
      currency: contract.currency,
      term: contract.term,
      timezone: contract.timezone,
      settlement: contract.settlement,
      workflows: contract.workflows,
    },
    asOf: asOf.instant,
    termSoFar: term,
    quarters,
    outcomes: await outcomes(ctx, term, quarters, settlements),
    money: moneySummary(
      contract.currency,
      settlements.map((s) => s.money),
    ),
    value: await value(ctx, contractId, quarters),
    operations: await operations(ctx, term, quarters),
    attritionBySite: await attritionBySite(ctx, quarters),
    recalibrations: await recalibrations(ctx, contractId, versions, quarters),
  };
  return { ...data, recommendation: recommend(data, settings) };
}

interface Ctx {
  store: Store;
  tenant: string;
  contract: Contract;
  asOf: string;
  settings: RuleSettings;
}

interface SettledPeriod {
  period: string;
  parts: Settlement[];
  money: MoneyPeriod;
}

async function settle(ctx: Ctx, contractId: string, periods: TermPeriod[]): Promise<SettledPeriod[]> {
  const out: SettledPeriod[] = [];
  for (const p of periods) {
    const { kind, parts } = await computeSettlement(ctx.store, ctx.tenant, contractId, p.period, ctx.asOf);
    out.push({ period: p.period, parts, money: moneyPeriod(p, kind, parts) });
  }
  return out;
}

const contractScope = (contract: Contract, metric: string, workflows = contract.workflows): ScopeRef => {
  const info = metricInfo(metric);
  return { vendor: contract.vendor, workflows: info && readsInteractions(info) ? workflows : null };
};

async function outcomes(
  ctx: Ctx,
  term: TermPeriod,
  quarters: TermPeriod[],
  settlements: SettledPeriod[],
): Promise<OutcomeRow[]> {
  const { store, tenant, contract, asOf, settings } = ctx;
  const measure = (p: TermPeriod) => measureOutcomes(store, tenant, contract, p.period, asOf);
  const overTerm = await measure(term);
  const byQuarter: Awaited<ReturnType<typeof measure>>[] = [];
  for (const q of quarters) byQuarter.push(await measure(q));
  const rows: OutcomeRow[] = [];
  contract.portfolios.forEach((portfolio) => {
    for (const outcome of portfolio.outcomes) {
      const info = metricInfo(outcome.metric);
      const find = (list: typeof overTerm) =>
        list.find((m) => m.portfolio === portfolio.id && m.metric === outcome.metric)?.result as MetricResult;
      const written = 'value' in outcome.baseline;
      const termResult = find(overTerm);
      const baselineValue =
        'value' in outcome.baseline ? outcome.baseline.value : (termResult?.baseline ?? null);
      const point = (p: TermPeriod, r: MetricResult | undefined): OutcomePeriodValue => ({
        period: p.period,
        display: p.display,
        value: r?.value ?? null,
        n: r?.n ?? 0,
        low: r?.low ?? null,
        high: r?.high ?? null,
        insufficient: r?.insufficient ?? true,
        matured: r?.matured ?? false,
        difference: r?.difference ?? null,
        differenceLow: r?.differenceLow ?? null,
        differenceHigh: r?.differenceHigh ?? null,
        p: r?.p ?? null,
        evidence: evidenceOf(
          outcome.direction,
          r?.difference ?? null,
          r?.p ?? null,
          r?.insufficient ?? true,
          settings.significance,
        ),
        attainment: attainment(r?.value ?? null, r?.baseline ?? baselineValue, outcome.target),
      });
      const key = `${portfolio.id}/${outcome.metric}`;
      rows.push({
        key,
        portfolio: portfolio.id,
        portfolioName: portfolio.displayName ?? portfolio.id,
        workflows: portfolio.workflows,
        metric: outcome.metric,
        label: outcome.displayName ?? info?.label.singular ?? outcome.metric,
        unit: info?.unit ?? 'share',
        direction: outcome.direction,
        weight: portfolio.weight * outcome.weight,
        minSample: portfolio.minSample,
        params: outcome.params,
        scope: contractScope(contract, outcome.metric, portfolio.workflows),
        baseline: {
          value: baselineValue,
          written,
          ...('period' in outcome.baseline ? { period: outcome.baseline.period } : {}),
          query: 'period' in outcome.baseline ? outcome.baseline.period : String(outcome.baseline.value),
        },
        target: outcome.target,
        targetBeyondBaseline: targetBeyondBaseline(outcome.direction, baselineValue, outcome.target),
        term: point(term, termResult),
        trend: quarters.map((q, i) => point(q, find(byQuarter[i] ?? []))),
        money: outcomeMoney(key, settlements),
      });
    }
  });
  return rows;
}

async function value(ctx: Ctx, contractId: string, quarters: TermPeriod[]) {
  const periods: ValuePeriod[] = [];
  for (const q of quarters) {
    const results = await valueMetrics(ctx.store, {
      tenant: ctx.tenant,
      contractId,
      period: q.period,
      metrics: ['cost_per_contact', 'value_per_contact'],
      asOf: ctx.asOf,
    });
    const get = (id: string) => results.find((r) => r.metric === id);
    periods.push({
      period: q.period,
      display: q.display,
      contacts: get('cost_per_contact')?.n ?? 0,
      costPerContact: get('cost_per_contact')?.value ?? null,
      valuePerContact: get('value_per_contact')?.value ?? null,
    });
  }
  const withData = periods.filter((p) => p.costPerContact !== null && p.valuePerContact !== null);
  const [first, last] = [withData[0], withData.at(-1)];
  return {
    periods,
    costChange: relativeChange(first?.costPerContact, last?.costPerContact),
    valueChange: relativeChange(first?.valuePerContact, last?.valuePerContact),
  };
}

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
      period,
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
      periodWindows(`${whole[0]?.period}..${whole.at(-1)?.period}`, ctx.contract.timezone).map(
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

async function operations(ctx: Ctx, term: TermPeriod, quarters: TermPeriod[]): Promise<MeasurementRow[]> {
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

async function attritionBySite(ctx: Ctx, quarters: TermPeriod[]): Promise<SiteSeries[]> {
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

async function recalibrations(
  ctx: Ctx,
  contractId: string,
  versions: StoredVersion[],
  quarters: TermPeriod[],
): Promise<RecalibrationSummary> {
  const proposals = await listProposals(ctx.store, ctx.tenant, { contract: contractId });
  const terms = ctx.contract.recalibration;
  const triggers: RecalibrationSummary['triggers'] = [];
  if (terms && terms.triggers.length > 0) {
    const [reference] = periodWindows(terms.reference, ctx.contract.timezone);
    const measures = async (label: string): Promise<PeriodMeasures | null> => {
      const [window] = periodWindows(label, ctx.contract.timezone);
      return window ? triggerMeasures(ctx.store, ctx.tenant, ctx.contract, window, ctx.asOf) : null;
    };
    const base = reference ? await measures(reference.label) : null;
    for (const q of quarters) {
      if (!base || !reference || q.period === reference.label) continue;
      const current = await measures(q.period);
      if (!current) continue;
      const results = evaluateTriggers(terms.triggers, base, current);
      triggers.push({
        period: q.period,
        display: q.display,
        reference: reference.label,
        fired: results
          .filter((t) => t.fired)
          .map((t) => ({
            measure: t.measure,
            change: t.change,
            threshold: t.threshold,
            arithmetic: t.arithmetic,
          })),
      });
    }
  }
  return {
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      origin: v.origin,
      createdAt: v.createdAt,
    })),
    proposals: proposals.map((p) => ({
      id: p.id,
      period: p.period,
      status: p.status,
      baseVersion: p.baseVersion,
      effectiveFrom: p.effectiveFrom,
      triggersFired: p.body.triggers.filter((t) => t.fired).map((t) => t.measure),
      appliedVersion: p.appliedVersion ?? null,
      decisions: p.decisions.map((d) => ({ party: d.party, decision: d.decision, decidedAt: d.decidedAt })),
    })),
    triggers,
  };
}
