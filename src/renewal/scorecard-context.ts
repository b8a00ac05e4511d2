import { outcomeScope } from '../core/contract/outcome-scope.js';
import type { Contract } from '../core/contract/types.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import type { RuleSettings, ScopeRef } from '../core/renewal/types.js';
import { parseWindow } from '../core/time/period-window.js';
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
  return info ? outcomeScope(info, contract.vendor, workflows) : { vendor: contract.vendor, workflows: null };
};

/** A scorecard period (quarter, term so far) as a window in the contract's zone. */
export const windowIn = (ctx: Pick<Ctx, 'contract'>, period: string): PeriodWindow =>
  parseWindow(period, ctx.contract.timezone, 'period');
