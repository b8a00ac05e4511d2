import type { Contract } from '../core/contract/types.js';
import { metricInfo, readsInteractions } from '../core/metric/catalog.js';
import type { MetricResult } from '../core/metric/types.js';
import type { OutcomeMeasurement } from '../core/settlement/types.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';

/**
 * Each outcome measured by the metric engine on its scope: interactions of the vendor on
 * the portfolio's workflows, or the vendor alone for metrics that do not read
 * interactions, with the outcome's parameters, over one settlement part.
 */
export async function measureOutcomes(
  store: Store,
  tenant: string,
  contract: Contract,
  period: string,
  asOf: string,
): Promise<OutcomeMeasurement[]> {
  const measurements: OutcomeMeasurement[] = [];
  for (const portfolio of contract.portfolios) {
    for (const outcome of portfolio.outcomes) {
      const info = metricInfo(outcome.metric);
      const where =
        info && readsInteractions(info)
          ? { vendor: [contract.vendor], workflow: portfolio.workflows }
          : { vendor: [contract.vendor] };
      const baseline =
        'period' in outcome.baseline ? outcome.baseline.period : String(outcome.baseline.value);
      const [result] = await runQuery(store, {
        metrics: [outcome.metric],
        tenant,
        period,
        zone: contract.timezone,
        where,
        by: [],
        params: outcome.params,
        baseline,
        minN: portfolio.minSample,
        asOf,
      });
      measurements.push({ portfolio: portfolio.id, metric: outcome.metric, result: result as MetricResult });
    }
  }
  return measurements;
}
