import { measureOutcomes } from '../contracts/measure-outcomes.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { MetricResult } from '../core/metric/types.js';
import { attainment, evidenceOf, outcomeMoney, targetBeyondBaseline } from '../core/renewal/model.js';
import type { OutcomePeriodValue, OutcomeRow, TermPeriod } from '../core/renewal/types.js';
import { type Ctx, contractScope, windowIn } from './scorecard-context.js';
import type { SettledPeriod } from './scorecard-money.js';

/** The scorecard's outcomes: each outcome of each portfolio over the term so far and by quarter, with the money its lines paid. */

export async function outcomes(
  ctx: Ctx,
  term: TermPeriod,
  quarters: TermPeriod[],
  settlements: SettledPeriod[],
): Promise<OutcomeRow[]> {
  const { store, tenant, contract, asOf, settings } = ctx;
  const measure = (p: TermPeriod) => measureOutcomes(store, tenant, contract, windowIn(ctx, p.period), asOf);
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
        attainment: attainment(
          r?.value ?? null,
          r?.baseline ?? baselineValue,
          outcome.target,
          outcome.direction,
        ),
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
