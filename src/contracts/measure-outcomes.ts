import { outcomeScope, scopeFilters } from '../core/contract/outcome-scope.js';
import type { Contract, Outcome, Portfolio } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import type { OutcomeMeasurement } from '../core/settlement/types.js';
import { reportedResult } from '../core/stats/reported.js';
import { parseWindow } from '../core/time/period-window.js';
import { type QueryOptions, runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';

/**
 * Each outcome measured by the metric engine on its scope (core/contract/outcome-scope.ts)
 * with the outcome's parameters, in the contract's zone, over one settlement part.
 */
export async function measureOutcomes(
  store: Store,
  tenant: string,
  contract: Contract,
  window: PeriodWindow,
  asOf: string,
): Promise<OutcomeMeasurement[]> {
  const measurements: OutcomeMeasurement[] = [];
  for (const portfolio of contract.portfolios) {
    for (const outcome of portfolio.outcomes) {
      const baseline =
        'period' in outcome.baseline
          ? parseWindow(
              outcome.baseline.period,
              contract.timezone,
              `${portfolio.id}.${outcome.metric}.baseline`,
            )
          : outcome.baseline.value;
      const [result] = await runQuery(store, {
        ...outcomeQuery(tenant, contract, portfolio, outcome, asOf),
        periods: [window],
        baseline,
        minN: portfolio.minSample,
      });
      // As reported (12 significant digits): the pay of one value never depends on the store's summation order.
      measurements.push({
        portfolio: portfolio.id,
        metric: outcome.metric,
        result: reportedResult(result as MetricResult),
      });
    }
  }
  return measurements;
}

/**
 * Measures every outcome over several windows at once, for a report that will then ask
 * measureOutcomes for each of them (the scorecard: the term, its quarters, their
 * invoices): through a report's store (renewal/memo-store.ts) those asks are answered
 * from these measurements, the same values, with one scan of the contacts for all windows.
 */
export async function prefetchOutcomes(
  store: Store,
  tenant: string,
  contract: Contract,
  windows: PeriodWindow[],
  asOf: string,
): Promise<void> {
  for (const portfolio of contract.portfolios) {
    for (const outcome of portfolio.outcomes) {
      await runQuery(store, {
        ...outcomeQuery(tenant, contract, portfolio, outcome, asOf),
        periods: windows,
        minN: portfolio.minSample,
      });
    }
  }
}

/** The query of one outcome, whatever the period: its metric, scope, parameters and zone. */
function outcomeQuery(
  tenant: string,
  contract: Contract,
  portfolio: Portfolio,
  outcome: Outcome,
  asOf: string,
): Omit<QueryOptions, 'periods' | 'minN'> {
  const info = metricInfo(outcome.metric);
  if (!info) throw new UserError(`${contract.name}: unknown metric ${outcome.metric}`);
  return {
    metrics: [outcome.metric],
    tenant,
    zone: contract.timezone,
    where: scopeFilters(outcomeScope(info, contract.vendor, portfolio.workflows)),
    by: [],
    params: {},
    metricParams: { [outcome.metric]: outcome.params },
    asOf,
  };
}
