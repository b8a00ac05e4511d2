import { outcomeScope, scopeFilters } from '../core/contract/outcome-scope.js';
import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import type { OutcomeMeasurement } from '../core/settlement/types.js';
import { reportedResult } from '../core/stats/reported.js';
import { parseWindow } from '../core/time/period-window.js';
import { runQuery } from '../query/run-query.js';
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
      const info = metricInfo(outcome.metric);
      if (!info) throw new UserError(`${contract.name}: unknown metric ${outcome.metric}`);
      const baseline =
        'period' in outcome.baseline
          ? parseWindow(
              outcome.baseline.period,
              contract.timezone,
              `${portfolio.id}.${outcome.metric}.baseline`,
            )
          : outcome.baseline.value;
      const [result] = await runQuery(store, {
        metrics: [outcome.metric],
        tenant,
        periods: [window],
        zone: contract.timezone,
        where: scopeFilters(outcomeScope(info, contract.vendor, portfolio.workflows)),
        by: [],
        params: {},
        metricParams: { [outcome.metric]: outcome.params },
        baseline,
        minN: portfolio.minSample,
        asOf,
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
