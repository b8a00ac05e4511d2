import type { Contract } from '../core/contract/types.js';
import { metricInfo, readsInteractions } from '../core/metric/catalog.js';
import type { RuleSettings, ScopeRef } from '../core/renewal/types.js';
import type { Store } from '../store/store.js';

/** What every part of the scorecard reads with: the store, the tenant, the contract in force, the as-of instant, the rule settings. */
export interface Ctx {
  store: Store;
  tenant: string;
  contract: Contract;
  asOf: string;
  settings: RuleSettings;
}

export const contractScope = (
  contract: Contract,
  metric: string,
  workflows = contract.workflows,
): ScopeRef => {
  const info = metricInfo(metric);
  return { vendor: contract.vendor, workflows: info && readsInteractions(info) ? workflows : null };
};
