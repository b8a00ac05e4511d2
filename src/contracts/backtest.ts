import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { Money } from '../core/money/money.js';
import { type CombinedInvoice, combineParts } from '../core/settlement/true-up.js';
import type { Settlement } from '../core/settlement/types.js';
import { parseWindows } from '../core/time/period-window.js';
import { loadTenantMetrics } from '../query/custom-metric-store.js';
import type { Store } from '../store/store.js';
import { listVersions, readContractFile, type StoredVersion } from './contract-store.js';
import { computeSettlement, settleTerms } from './settle-contract.js';
import { mechanicsInSequence } from './settle-mechanics.js';
import { versionsInForce } from './versions-in-force.js';

/**
 * `covenant backtest`: proposed terms settled on historical data beside the settlements of
 * the contract in force for the same client and vendor, per period and per line (base fee,
 * each outcome, caps), with the differences. Nothing is stored: a back-test is a what-if.
 */

export interface BacktestLine {
  /** Line id without a part prefix: `base-fee`, `outcome:card-disputes/csat`, `bonus-cap`, `penalty-cap`. */
  id: string;
  label: string;
  inForce: string | null;
  proposed: string | null;
  /** proposed - in force (a missing line counts 0). */
  difference: string;
}

export interface BacktestPeriod {
  period: string;
  inForce: { total: string; versions: number[]; provisional: boolean };
  proposed: { total: string; provisional: boolean };
  lines: BacktestLine[];
  difference: string;
}

export interface BacktestReport {
  proposed: { contract: string; file: string; version: number };
  against: { contract: string };
  currency: string;
  periods: BacktestPeriod[];
  totals: { inForce: string; proposed: string; difference: string };
  asOf: string;
}

export interface BacktestOptions {
  periods: string;
  /** The stored contract to compare with (default: the one stored for the same client and vendor). */
  against?: string;
  asOf?: string;
}

/**
 * The stored contract the proposed terms are compared with: --against, or the one stored
 * for the same client and vendor (another name than the proposed terms') that has a
 * version in force in the periods.
 */
async function contractInForce(
  store: Store,
  tenant: string,
  proposed: Contract,
  windows: { startDate: string; endDate: string }[],
  against?: string,
): Promise<string> {
  const versions = await listVersions(store, tenant, against);
  if (against !== undefined) {
    if (versions.length === 0) throw new UserError(`--against ${against}: no such stored contract`);
    return against;
  }
  const inForce = (id: string) =>
    windows.some(
      (w) =>
        versionsInForce(
          versions.filter((v) => v.contractId === id),
          w.startDate,
          w.endDate,
        ).length > 0,
    );
  const ids = [
    ...new Set(
      versions
        .filter((v) => v.contract.client === proposed.client && v.contract.vendor === proposed.vendor)
        .filter((v) => v.contractId !== proposed.name)
        .map((v) => v.contractId),
    ),
  ].filter(inForce);
  const [only, ...more] = ids;
  if (!only) {
    throw new UserError(
      `no stored contract for ${proposed.client} and ${proposed.vendor} in force in those periods to compare with: apply one or name it with --against`,
    );
  }
  if (more.length > 0) {
    throw new UserError(
      `several stored contracts for ${proposed.client} and ${proposed.vendor} (${ids.join(', ')}): choose one with --against`,
    );
  }
  return only;
}

/** `outcome:card-disputes/csat` -> `card-disputes/csat`, `base-fee` -> `base fee`, earn-back ids as they are. */
const labelOf = (id: string) =>
  id.startsWith('outcome:')
    ? id.slice('outcome:'.length)
    : id.startsWith('earn-back:')
      ? id
      : id.replaceAll('-', ' ');

type Run = { invoice: Settlement | CombinedInvoice; parts: Settlement[]; kind: 'provisional' | 'final' };

/**
 * Earn-back and chronic failure on both sides of a back-test or what-if, over its own
 * periods in order (each reads the ones before it in the run; docs/contracts.md): what an
 * earn-back or a pool would have cost over those periods, on each side's terms.
 */
export function withSequenceMechanics(
  inForce: readonly Run[],
  proposedRuns: readonly Settlement[],
  proposed: Contract,
  versions: readonly StoredVersion[],
): { inForce: Run[]; proposed: Settlement[] } {
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const left = mechanicsInSequence(
    inForce.map((r) => ({ period: r.invoice.period, parts: r.parts, kind: r.kind })),
    (part) => {
      const version = byVersion.get(part.version);
      return { contract: version?.contract ?? proposed, ...(version ? { version } : {}) };
    },
  );
  const right = mechanicsInSequence(
    proposedRuns.map((s) => ({
      period: s.period,
      parts: [s],
      kind: s.provisional ? ('provisional' as const) : ('final' as const),
    })),
    () => ({ contract: proposed }),
  );
  return {
    inForce: inForce.map((r, i) => {
      const parts = left[i] ?? r.parts;
      return { ...r, parts, invoice: parts.length > 1 ? combineParts(parts) : (parts[0] as Settlement) };
    }),
    proposed: proposedRuns.map((s, i) => right[i]?.[0] ?? s),
  };
}

/** A settlement's (or split invoice's) lines summed by id across parts: the per-outcome pay of the period. */
function linesById(invoice: Settlement | CombinedInvoice): Map<string, { label: string; amount: Money }> {
  const parts = 'parts' in invoice ? invoice.parts : [invoice];
  const out = new Map<string, { label: string; amount: Money }>();
  for (const part of parts) {
    for (const line of part.lines) {
      const amount = Money.parse(line.amount, invoice.currency);
      const seen = out.get(line.id);
      out.set(line.id, {
        label: labelOf(line.id),
        amount: seen ? seen.amount.plus(amount) : amount,
      });
    }
  }
  return out;
}

export async function backtest(
  store: Store,
  tenant: string,
  file: string,
  options: BacktestOptions,
): Promise<BacktestReport> {
  await loadTenantMetrics(store, tenant); // the terms may name the tenant's own metrics
  const { contract: proposed } = await readContractFile(file);
  const windows = parseWindows(options.periods, proposed.timezone, '--periods');
  const against = await contractInForce(store, tenant, proposed, windows, options.against);
  const asOf = options.asOf ?? new Date().toISOString();
  const { currency } = proposed;
  const inForceRuns: Awaited<ReturnType<typeof computeSettlement>>[] = [];
  const settledRuns: Settlement[] = [];
  for (const window of windows) {
    const inForce = await computeSettlement(store, tenant, against, window, asOf);
    if (inForce.invoice.currency !== currency) {
      throw new UserError(
        `${against} is settled in ${inForce.invoice.currency}, the proposed terms in ${currency}`,
      );
    }
    inForceRuns.push(inForce);
    settledRuns.push(await settleTerms(store, tenant, proposed, window, undefined, asOf));
  }
  const versions = await listVersions(store, tenant, against);
  const sides = withSequenceMechanics(inForceRuns, settledRuns, proposed, versions);
  const periods = windows.map((window, i) =>
    comparePeriod(currency, window.label, sides.inForce[i] as Run, sides.proposed[i] as Settlement),
  );
  return {
    proposed: { contract: proposed.name, file, version: proposed.version },
    against: { contract: against },
    currency,
    periods,
    totals: backtestTotals(currency, periods),
    asOf,
  };
}

/** One period of a back-test: the proposed terms' invoice beside the one in force, line by line (the what-if reuses it). */
export function comparePeriod(
  currency: string,
  period: string,
  inForce: { invoice: Settlement | CombinedInvoice; parts: Settlement[]; kind: 'provisional' | 'final' },
  settled: Settlement,
): BacktestPeriod {
  const money = (amount: string) => Money.parse(amount, currency);
  const [a, b] = [linesById(inForce.invoice), linesById(settled)];
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  const zero = Money.zero(currency);
  const lines = ids.map((id) => {
    const [old, now] = [a.get(id), b.get(id)];
    return {
      id,
      label: (now ?? old)?.label ?? id,
      inForce: old ? old.amount.toFixed() : null,
      proposed: now ? now.amount.toFixed() : null,
      difference: (now?.amount ?? zero).minus(old?.amount ?? zero).toFixed(),
    };
  });
  return {
    period,
    inForce: {
      total: inForce.invoice.total,
      versions: inForce.parts.map((p) => p.version),
      provisional: inForce.kind === 'provisional',
    },
    proposed: { total: settled.total, provisional: settled.provisional },
    lines,
    difference: money(settled.total).minus(money(inForce.invoice.total)).toFixed(),
  };
}

export function backtestTotals(currency: string, periods: BacktestPeriod[]): BacktestReport['totals'] {
  const sum = (pick: (p: BacktestPeriod) => string) =>
    Money.sum(
      currency,
      periods.map((p) => Money.parse(pick(p), currency)),
    );
  const inForceTotal = sum((p) => p.inForce.total);
  const proposedTotal = sum((p) => p.proposed.total);
  return {
    inForce: inForceTotal.toFixed(),
    proposed: proposedTotal.toFixed(),
    difference: proposedTotal.minus(inForceTotal).toFixed(),
  };
}
