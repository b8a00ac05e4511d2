import type { Contract } from '../core/contract/types.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import { applyMechanics, hasMechanics } from '../core/settlement/mechanics/apply.js';
import { improvementOfSource } from '../core/settlement/mechanics/improved-source.js';
import type { PeriodRecord } from '../core/settlement/mechanics/types.js';
import type { Settlement } from '../core/settlement/types.js';
import type { Period } from '../core/time/period.js';
import { periodOf, previousPeriod } from '../core/time/period-ops.js';
import { windowOf } from '../core/time/period-window.js';
import type { Store } from '../store/store.js';
import type { StoredVersion } from './contract-store.js';
import { findSettlement } from './settlement-store.js';
import type { VersionPart } from './versions-in-force.js';

/**
 * The outsourcing-market mechanics on a period's settlement (docs/contracts.md). Earn-back
 * and chronic failure read the settlement periods before it: **stored first** (the final
 * settlement, else the provisional one: the invoice the parties got), and a period never
 * stored is settled again, deterministically, on the data, without being stored.
 */

export type SettleBase = (
  window: PeriodWindow,
) => Promise<{ parts: Settlement[]; kind: 'provisional' | 'final' }>;

const kindOf = (c: Contract): 'month' | 'quarter' => (c.settlement === 'monthly' ? 'month' : 'quarter');

/** The settlement periods of the term before `window`, oldest first (at most `depth`). */
export function periodsBefore(contract: Contract, window: Period, depth: number): Period[] {
  const out: Period[] = [];
  let p = previousPeriod(periodOf(window.startDate, kindOf(contract)));
  while (out.length < depth && p.endDate >= contract.term.start) {
    out.unshift(p);
    p = previousPeriod(p);
  }
  return out;
}

/** One earlier settlement period as the mechanics read it: stored first, else settled again. */
export async function recordOf(
  store: Store,
  tenant: string,
  contractId: string,
  period: Period,
  zone: string,
  settleBase: SettleBase,
): Promise<PeriodRecord> {
  for (const kind of ['final', 'provisional'] as const) {
    const stored = await findSettlement(store, tenant, contractId, period.label, kind);
    if (stored) return { period: period.label, parts: stored.parts, kind, settlementId: stored.id };
  }
  const computed = await settleBase(windowOf(period, zone));
  return { period: period.label, parts: computed.parts, kind: computed.kind, settlementId: null };
}

export async function withMechanics(
  store: Store,
  tenant: string,
  contractId: string,
  window: PeriodWindow,
  inForce: readonly VersionPart[],
  computed: { parts: Settlement[]; kind: 'provisional' | 'final' },
  settleBase: SettleBase,
): Promise<Settlement[]> {
  const parts = inForce.map((p, i) => ({
    settlement: computed.parts[i] as Settlement,
    contract: p.version.contract,
    ...improvementPart(p.version),
  }));
  if (!parts.some((p) => hasMechanics(p.contract) || 'improvement' in p)) return computed.parts;
  const last = inForce.at(-1)?.version.contract as Contract;
  const depth = last.chronicFailure ? Number.POSITIVE_INFINITY : (last.earnBack?.periods ?? 0);
  const history: PeriodRecord[] = [];
  for (const period of periodsBefore(last, window, depth))
    history.push(await recordOf(store, tenant, contractId, period, last.timezone, settleBase));
  return applyMechanics({ parts, kind: computed.kind, history });
}

export function improvementPart(version: StoredVersion) {
  if (!version.origin.startsWith('continuous improvement')) return {};
  const improvement = improvementOfSource(version.source);
  return improvement ? { improvement } : {};
}

/**
 * The mechanics over consecutive settlement periods computed together (the renewal
 * scorecard, the back-test, the what-if): each period reads the ones before it in the
 * sequence, so the sequence starts at the term's start for chronic failure to count.
 */
export function mechanicsInSequence(
  periods: readonly { period: string; parts: Settlement[]; kind: 'provisional' | 'final' }[],
  contractOf: (part: Settlement) => { contract: Contract; version?: StoredVersion },
): Settlement[][] {
  const history: PeriodRecord[] = [];
  return periods.map((p) => {
    const parts = p.parts.map((settlement) => {
      const { contract, version } = contractOf(settlement);
      return { settlement, contract, ...(version ? improvementPart(version) : {}) };
    });
    const settled = applyMechanics({ parts, kind: p.kind, history });
    history.push({ period: p.period, parts: settled, kind: p.kind, settlementId: null });
    return settled;
  });
}
