import type { ChronicFailureTerms, EarnBackTerms, OutcomeDirection } from '../../contract/types.js';
import type { LineScope, Settlement } from '../types.js';

/**
 * The outsourcing-market mechanics (contract-format.md) read settlements across periods:
 * one settlement period of a contract as the mechanics see it, the record of a stored
 * settlement (the invoice the parties got) or, where none is stored, one re-settled.
 */
export interface PeriodRecord {
  period: string;
  /** The parts as settled (one unless a version change split the period). */
  parts: Settlement[];
  kind: 'provisional' | 'final';
  /** The stored settlement read, or null when the period was settled again for this reading. */
  settlementId: string | null;
}

/** A penalty given back: a credit line on the period that completes the earn-back condition. */
export interface EarnBackLine {
  kind: 'earn_back';
  /** `earn-back:<portfolio>/<metric>@<penalty period>`: stable, so true-ups match it. */
  id: string;
  label: string;
  amount: string;
  exact: string;
  portfolio: string;
  metric: string;
  trace: {
    scope: LineScope;
    /** The penalty returned: its period, settlement, line, the line as invoiced and what was charged of it. */
    penalty: { period: string; settlement: string | null; line: string; invoiced: string; charged: string };
    share: number;
    periods: number;
    /** The periods after the penalty in which the outcome met its target. */
    held: { period: string; value: number | null; target: number }[];
    rule: string;
  };
}

/** One outcome's defaults (periods paying below 0%) over the settlement periods. */
export interface ChronicOutcome {
  portfolio: string;
  metric: string;
  label: string;
  /** Every settlement period read, in order, in which the outcome paid below 0%. */
  defaults: string[];
  /** Defaults within the last `within` periods up to this one. */
  count: number;
  /** The termination right, from the first window of `within` periods holding `misses` defaults. */
  terminationRight: { grantedIn: string; periods: string[] } | null;
  /** This period's default leaves the outcome one default short of chronic failure. */
  oneShort: boolean;
}

/** How a continuous-improvement target was computed at an anniversary. */
export interface ImprovedTarget {
  portfolio: string;
  metric: string;
  direction: OutcomeDirection;
  target: number;
  /** The best settlement-period value of the past year, or null when none was measured. */
  best: number | null;
  bestPeriod: string | null;
  /** best - target when best is better than the target, else 0 (never in the worse direction). */
  gap: number;
  share: number;
  /** share x gap, cut to 6 decimals toward the old target, so it never passes the best value. */
  move: number;
  newTarget: number;
  rule: string;
}

export interface Improvement {
  anniversary: string;
  share: number;
  fromVersion: number;
  /** The settlement periods of the past year the best values came from. */
  periods: string[];
  targets: ImprovedTarget[];
}

/** What a settlement part shows of the mechanics (only when its contract has any of them). */
export interface SettlementMechanics {
  allocationPool?: number;
  earnBack?: EarnBackTerms;
  chronicFailure?: ChronicFailureTerms & { periods: string[]; outcomes: ChronicOutcome[] };
  /** When this part's version was made by continuous improvement: how its targets were computed. */
  improvement?: Improvement;
}
