import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import { withAdjustments } from '../core/settlement/adjustments.js';
import { settle } from '../core/settlement/settle.js';
import { settlementPeriodProblem } from '../core/settlement/settlement-period.js';
import { type CombinedInvoice, combineParts, type TrueUp, trueUp } from '../core/settlement/true-up.js';
import type { InvoiceLike, Settlement } from '../core/settlement/types.js';
import { parseWindow, windowOf } from '../core/time/period-window.js';
import { raiseChronicAlerts } from '../evidence/chronic-alerts.js';
import { withMeasurementCache } from '../query/measurement-cache.js';
import { acceptedFor } from '../records/disputes.js';
import type { Store } from '../store/store.js';
import { baseUnits } from './base-units.js';
import { listVersions } from './contract-store.js';
import { ensureImprovements } from './improve-contract.js';
import { measureOutcomes } from './measure-outcomes.js';
import { withMechanics } from './settle-mechanics.js';
import { findSettlement, saveSettlement } from './settlement-store.js';
import { versionsInForce } from './versions-in-force.js';

export interface SettlementReport {
  settlementId: string;
  contract: string;
  period: string;
  kind: 'provisional' | 'final';
  /** The invoice: one settlement, or the parts of a period a version change split, combined. */
  invoice: Settlement | CombinedInvoice;
  parts: Settlement[];
  /** A final settlement against the provisional one stored before it. */
  trueUp?: TrueUp & { provisionalId: string };
  /** True when an identical settlement of this kind was already stored (a re-run reproduces it). */
  reproduced: boolean;
  /** Versions continuous improvement created at anniversaries before this settlement. */
  improved?: { version: number; effectiveFrom: string }[];
}

/**
 * Settles terms (stored or proposed) over a period, or over the part of it given, on the
 * data: measures the base units and every outcome, then applies the settlement rules.
 */
export async function settleTerms(
  store: Store,
  tenant: string,
  contract: Contract,
  period: PeriodWindow,
  part: { from: string; to: string } | undefined,
  asOf: string,
): Promise<Settlement> {
  const window = part ? windowOf(daysOf(part), contract.timezone) : period;
  return settle({
    contract,
    period: period.label,
    ...(part ? { part } : {}),
    baseUnits: await baseUnits(store, tenant, contract, window.startDate, window.endDate),
    measurements: await measureOutcomes(store, tenant, contract, window, asOf),
  });
}

const daysOf = (part: { from: string; to: string }) =>
  ({
    kind: 'days',
    label: `${part.from}..${part.to}`,
    startDate: part.from,
    endDate: part.to,
    days: 0,
  }) as const;

/** A period text from the edge (`--period`, `period`) as a window in the contract's zone. */
export async function contractWindow(
  store: Store,
  tenant: string,
  contractId: string,
  text: string,
  field: string,
): Promise<PeriodWindow> {
  const versions = await listVersions(store, tenant, contractId);
  const latest = versions.at(-1);
  if (!latest) throw new UserError(`no contract ${contractId} (covenant contract apply FILE stores one)`);
  return parseWindow(text, latest.contract.timezone, field);
}

/**
 * Settles one period of a stored contract: the versions in force split it into parts,
 * each part measured and settled on its own contacts, combined into one invoice, stored.
 */
export async function settleContract(
  store: Store,
  tenant: string,
  contractId: string,
  window: PeriodWindow,
  asOf = new Date().toISOString(),
): Promise<SettlementReport> {
  const improved = await ensureImprovements(store, tenant, contractId, window, asOf);
  const computed = await computeSettlement(store, tenant, contractId, window, asOf, {
    strict: true,
    mechanics: true,
  });
  // Accepted disputes on earlier settlements: adjustment lines, a step of their own.
  const { period, kind, parts } = computed;
  const disputes = await acceptedFor(store, tenant, contractId, period);
  const invoice = withAdjustments(computed.invoice, disputes);
  const saved = await saveSettlement(store, tenant, {
    contractId,
    period,
    kind,
    invoice,
    parts,
    disputes: disputes.map((d) => d.id),
  });
  // One default short of chronic failure: an outcome alert, as the projection's are.
  await raiseChronicAlerts(store, tenant, contractId, parts, asOf);
  const provisional =
    kind === 'final' ? await findSettlement(store, tenant, contractId, period, 'provisional') : null;
  return {
    settlementId: saved.id,
    contract: contractId,
    period,
    kind,
    invoice,
    parts,
    reproduced: saved.reproduced,
    ...(improved.length > 0 ? { improved } : {}),
    ...(provisional
      ? { trueUp: { ...trueUp(provisional.invoice as InvoiceLike, invoice), provisionalId: provisional.id } }
      : {}),
  };
}

/** The invoice of a period of a stored contract, computed and not stored (value metrics read it). */
async function settlementOf(
  store: Store,
  tenant: string,
  contractId: string,
  period: PeriodWindow,
  asOf: string,
  options: { strict?: boolean; mechanics?: boolean } = {},
): Promise<{
  period: string;
  kind: 'provisional' | 'final';
  invoice: Settlement | CombinedInvoice;
  parts: Settlement[];
}> {
  const versions = await listVersions(store, tenant, contractId);
  if (versions.length === 0)
    throw new UserError(`no contract ${contractId} (covenant contract apply FILE stores one)`);
  const inForce = versionsInForce(versions, period.startDate, period.endDate);
  // Stored settlements are only of the contract's own periods; a value metric's or an
  // overview's period-to-date invoice may be of any period the versions cover.
  const problem = settlementPeriodProblem(
    period,
    inForce.map((p) => ({ contract: p.version.contract, from: p.from, to: p.to })),
  );
  if (problem && (options.strict || inForce.length === 0)) throw new UserError(problem);
  const split = inForce.length > 1;
  const parts: Settlement[] = [];
  for (const { version, from, to } of inForce) {
    parts.push(
      await settleTerms(store, tenant, version.contract, period, split ? { from, to } : undefined, asOf),
    );
  }
  const kind: 'provisional' | 'final' = parts.some((p) => p.provisional) ? 'provisional' : 'final';
  // Earn-back, chronic failure and the rest read earlier periods: only where an invoice is shown or stored.
  const settled = options.mechanics
    ? await withMechanics(store, tenant, contractId, period, inForce, { parts, kind }, (w) =>
        computeSettlement(store, tenant, contractId, w, asOf),
      )
    : parts;
  const invoice: Settlement | CombinedInvoice = split ? combineParts(settled) : (settled[0] as Settlement);
  return { period: period.label, kind, invoice, parts: settled };
}

/** The settlement, its measurements read through the persisted ones (query/measurement-cache.ts). */
export const computeSettlement = (...args: Parameters<typeof settlementOf>) =>
  withMeasurementCache(() => settlementOf(...args));
