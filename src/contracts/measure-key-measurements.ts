import { outcomeScope, scopeFilters } from '../core/contract/outcome-scope.js';
import type { Contract, KeyMeasurement } from '../core/contract/types.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import { reportedResult } from '../core/stats/reported.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';

export interface KeyMeasured {
  key: KeyMeasurement;
  label: string;
  /** As reported (12 significant digits); undefined when the engine answered nothing. */
  result: MetricResult | undefined;
}

/**
 * Each key measurement of remoteOperations and security on its scope (the one outcome-scope
 * rule), with its parameters, in the contract's zone: what the overview and the
 * projection both show.
 */
export async function measureKeyMeasurements(
  store: Store,
  tenant: string,
  contract: Contract,
  window: PeriodWindow,
  asOf: string,
): Promise<KeyMeasured[]> {
  const out: KeyMeasured[] = [];
  for (const key of contract.keyMeasurements) {
    const info = metricInfo(key.metric);
    const [result] = await runQuery(store, {
      metrics: [key.metric],
      tenant,
      periods: [window],
      zone: contract.timezone,
      where: info ? scopeFilters(outcomeScope(info, contract.vendor, contract.workflows)) : {},
      by: [],
      params: {},
      metricParams: { [key.metric]: key.params },
      minN: 1,
      asOf,
    });
    out.push({ key, label: info?.label.singular ?? key.metric, result: result && reportedResult(result) });
  }
  return out;
}
