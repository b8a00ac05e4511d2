import type { BaseUnit, Contract, CurvePoint, OutcomeDirection, RoundingMode } from '../contract/types.js';
import type { MetricResult } from '../metric/types.js';
import type { AdjustmentLine } from './adjustments.js';
import type { EarnBackLine, SettlementMechanics } from './mechanics/types.js';

/** What settlement reads of a metric's value (the metric engine's MetricResult fits). */
export type Measurement = Pick<MetricResult, 'value' | 'n' | 'low' | 'high' | 'matured' | 'maturesOn'> &
  Partial<Pick<MetricResult, 'insufficient' | 'baseline'>>;

export interface OutcomeMeasurement {
  portfolio: string;
  metric: string;
  result: Measurement;
}

export interface SettlementInput {
  contract: Contract;
  /** The settlement period's label, e.g. 2026-Q1. */
  period: string;
  /** When a version change splits the period: the dates this part covers (inclusive). */
  part?: { from: string; to: string };
  /** Base-fee units measured on the contract's scope (contacts, FTE-months, months), a decimal. */
  baseUnits: string;
  measurements: OutcomeMeasurement[];
}

/** Whose data a line is about: interactions of the vendor on the workflows, or the vendor only (workflows null). */
export interface LineScope {
  vendor: string;
  portfolio?: string;
  workflows: string[] | null;
  period: string;
  part?: { from: string; to: string };
}

interface LineBase {
  /** Stable within a period (`base-fee`, `outcome:card-disputes/csat`, `bonus-cap`): true-ups match on it. */
  id: string;
  label: string;
  /** Rounded to the currency's minor unit: what is invoiced. */
  amount: string;
  /** Before rounding. */
  exact: string;
}

export interface BaseFeeLine extends LineBase {
  kind: 'base_fee';
  trace: { scope: LineScope; unit: BaseUnit; units: string; rate: string; rule: string };
}

export interface OutcomeTrace {
  metric: string;
  scope: LineScope;
  direction: OutcomeDirection;
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  matured: boolean;
  maturesOn: string | null;
  minSample: number;
  insufficient: boolean;
  /** At-risk amount x portfolio weight x outcome weight, exact. */
  allocation: string;
  portfolioWeight: number;
  outcomeWeight: number;
  /** The curve points the pay came from (none when insufficient). */
  points: CurvePoint[];
  /** Pay as a fraction of the allocation; 0 when insufficient. */
  pay: number;
  baseline: number | null;
  target: number;
  attainment: number | null;
  rule: string;
}

export interface OutcomeLine extends LineBase {
  kind: 'outcome';
  portfolio: string;
  metric: string;
  trace: OutcomeTrace;
}

export interface CapLine extends LineBase {
  kind: 'bonus_cap' | 'penalty_cap';
  trace: { scope: LineScope; total: string; limit: string; rule: string };
}

export type InvoiceLine = BaseFeeLine | OutcomeLine | CapLine | AdjustmentLine | EarnBackLine;

export interface Settlement {
  contract: string;
  version: number;
  period: string;
  part?: { from: string; to: string };
  currency: string;
  rounding: RoundingMode;
  /** Some outcome's metric has not matured: a true-up follows after `maturesOn`. */
  provisional: boolean;
  /** The latest date an outcome's value becomes final (when the final settlement can run). */
  maturesOn: string | null;
  /** Rounded base fee, the basis of the at-risk amount and the bonus cap. */
  baseFee: string;
  atRisk: string;
  bonusLimit: string;
  penaltyLimit: string;
  lines: InvoiceLine[];
  /** The sum of the rounded lines. */
  total: string;
  /** Only when the contract has an outsourcing-market mechanic: earn-back, chronic failure, pool, improvement. */
  mechanics?: SettlementMechanics;
}

/** Anything with lines and a total: a settlement or a combined (split-period) invoice. */
export interface InvoiceLike {
  contract: string;
  period: string;
  currency: string;
  lines: readonly { id: string; label: string; amount: string }[];
  total: string;
}

export type { Contract };
