import {
  type BacktestReport,
  backtestTotals,
  comparePeriod,
  withSequenceMechanics,
} from '../contracts/backtest.js';
import { baseUnits } from '../contracts/base-units.js';
import { listVersions, type StoredVersion } from '../contracts/contract-store.js';
import { measureOutcomes, prefetchOutcomes } from '../contracts/measure-outcomes.js';
import { computeSettlement } from '../contracts/settle-contract.js';
import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { settle } from '../core/settlement/settle.js';
import type { OutcomeMeasurement, Settlement } from '../core/settlement/types.js';
import { addDays } from '../core/time/calendar.js';
import { periodOf, previousPeriod } from '../core/time/period-ops.js';
import { parseWindows } from '../core/time/period-window.js';
import { localDateOf } from '../core/time/zone.js';
import { withMeasurementCache } from '../query/measurement-cache.js';
import type { Store } from '../store/store.js';
import { memoStore } from './memo-store.js';
import { applyEdits, type WhatIfEdits } from './what-if-terms.js';

/**
 * What the what-if re-prices: for each of the last four quarters, the measured base units
 * and outcomes on the terms being edited, and the invoice of the contract in force. Edits
 * change prices, weights and targets, never what is measured, so these are measured once
 * and every change only runs the settlement rules again (pure, milliseconds).
 */
export interface PricingBasis {
  contractId: string;
  version: StoredVersion;
  /** Every stored version of the contract: the in-force side's terms per part. */
  versions: StoredVersion[];
  quarters: {
    period: string;
    baseUnits: string;
    measurements: OutcomeMeasurement[];
    inForce: Awaited<ReturnType<typeof computeSettlement>>;
  }[];
}

/** The last four quarters of the term that have begun before the as-of instant (at most four, at least one). */
function lastQuarters(contract: Contract, asOf: string): string[] {
  let q = periodOf(addDays(localDateOf(asOf, contract.timezone), -1), 'quarter');
  const out: string[] = [];
  while (out.length < 4 && q.endDate >= contract.term.start) {
    if (q.startDate <= contract.term.end) out.unshift(q.label);
    q = previousPeriod(q);
  }
  if (out.length === 0) throw new UserError(`${contract.name}: no quarter of the term has begun yet`);
  return out;
}

async function basisOf(
  source: Store,
  tenant: string,
  contractId: string,
  asOf: string,
): Promise<PricingBasis> {
  // The quarters' outcomes are measured for the edited terms and again for the invoices in
  // force: one report's store answers the second from the first, all four quarters in one scan.
  const store = memoStore(source);
  const versions = await listVersions(store, tenant, contractId);
  const version = versions.at(-1);
  if (!version) throw new UserError(`no contract ${contractId}`);
  const contract = version.contract;
  const windows = lastQuarters(contract, asOf).flatMap((period) =>
    parseWindows(period, contract.timezone, 'period')
      .slice(0, 1)
      .map((w) => ({ period, w })),
  );
  await prefetchOutcomes(
    store,
    tenant,
    contract,
    windows.map(({ w }) => w),
    asOf,
  );
  const quarters: PricingBasis['quarters'] = [];
  for (const { period, w } of windows) {
    quarters.push({
      period,
      baseUnits: await baseUnits(store, tenant, contract, w.startDate, w.endDate),
      measurements: await measureOutcomes(store, tenant, contract, w, asOf),
      inForce: await computeSettlement(store, tenant, contractId, w, asOf),
    });
  }
  return { contractId, version, versions, quarters };
}

/** The what-if basis, its measurements read through the persisted ones (query/measurement-cache.ts). */
export const pricingBasis = (...args: Parameters<typeof basisOf>) =>
  withMeasurementCache(() => basisOf(...args));

export interface WhatIfResult {
  /** The edited terms as a contract file, validated: ready for `covenant contract apply`. */
  yaml: string;
  backtest: Omit<BacktestReport, 'proposed' | 'asOf'> & { proposed: { contract: string } };
  /** The edited terms' current values, for the page's fields. */
  terms: EditableTerms;
  /** Milliseconds the re-pricing took (the measured basis excluded). */
  repricedMs: number;
}

export interface EditableTerms {
  currency: string;
  rate: string;
  atRisk: number;
  bonusCap: number;
  /** What the portfolio weights sum to (1 = 100%, the default). */
  allocationPool: number;
  earnBack: { periods: number; share: number } | null;
  portfolios: {
    id: string;
    name: string;
    weight: number;
    outcomes: { metric: string; label: string; direction: string; target: number; weight: number }[];
  }[];
}

export const editableTerms = (contract: Contract): EditableTerms => ({
  currency: contract.currency,
  rate: contract.pricing.base.rate,
  atRisk: contract.pricing.atRisk,
  bonusCap: contract.pricing.bonusCap,
  allocationPool: contract.pricing.allocationPool ?? 1,
  earnBack: contract.earnBack ?? null,
  portfolios: contract.portfolios.map((p) => ({
    id: p.id,
    name: p.displayName ?? p.id,
    weight: p.weight,
    outcomes: p.outcomes.map((o) => ({
      metric: o.metric,
      label: o.displayName ?? o.metric,
      direction: o.direction,
      target: o.target,
      weight: o.weight,
    })),
  })),
});

/** The edits written into the terms, validated, and settled on each quarter's measured basis beside the invoice in force. */
export function whatIf(basis: PricingBasis, edits: WhatIfEdits): WhatIfResult {
  const started = performance.now();
  const { source, contract } = applyEdits(basis.version.source, edits);
  if (contract.pricing.base.unit !== basis.version.contract.pricing.base.unit)
    throw new UserError('the what-if keeps the base unit; edit the file for another');
  const currency = contract.currency;
  const settled = basis.quarters.map((q) =>
    settle({ contract, period: q.period, baseUnits: q.baseUnits, measurements: q.measurements }),
  );
  // Earn-back and chronic failure over the four quarters in order, on both sides.
  const sides = withSequenceMechanics(
    basis.quarters.map((q) => q.inForce),
    settled,
    contract,
    basis.versions,
  );
  const periods = basis.quarters.map((q, i) =>
    comparePeriod(currency, q.period, sides.inForce[i] ?? q.inForce, sides.proposed[i] as Settlement),
  );
  return {
    yaml: source,
    backtest: {
      proposed: { contract: contract.name },
      against: { contract: basis.contractId },
      currency,
      periods,
      totals: backtestTotals(currency, periods),
    },
    terms: editableTerms(contract),
    repricedMs: performance.now() - started,
  };
}
