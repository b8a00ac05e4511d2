import type { Direction, Unit } from '../metric/types.js';
import type { Recommendation } from './recommendation-types.js';

/**
 * The renewal scorecard as data (docs/renewal.md): what `covenant renewal --format json`
 * prints and what the dashboard page renders. Numbers are plain JSON numbers (shares as
 * fractions, 0.757 = 75.7%), money is a decimal string in the contract's currency, and
 * every period is a label the metric engine accepts (`2026-Q1`, or
 * `2026-10-01..2026-11-26` for a quarter still in progress).
 */

export type RecommendationId = 'renew' | 'renew_with_changes' | 're_tender';

export const RECOMMENDATION_LABEL: Record<RecommendationId, string> = {
  renew: 'renew',
  renew_with_changes: 'renew with changes',
  re_tender: 're-tender',
};

/** Most severe last: the recommendation is the most severe one any fired rule pushes to. */
export const SEVERITY: Record<RecommendationId, number> = { renew: 0, renew_with_changes: 1, re_tender: 2 };

/** Whose data a number is about: the vendor, its workflows (null: every workflow), optionally one site. */
export interface ScopeRef {
  vendor: string;
  workflows: string[] | null;
  site?: string;
}

/** A period of the term so far: `period` is what the engine is asked for, `display` what a reader sees. */
export interface TermPeriod {
  period: string;
  display: string;
  startDate: string;
  endDate: string;
  /** False for a period the as-of date cuts short. */
  complete: boolean;
}

/** A metric value with n and its 95% interval. */
export interface Estimate {
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
  /** n under the portfolio's minSample (outcomes) or no value at all. */
  insufficient: boolean;
  matured: boolean;
}

/**
 * contract-format.md, Evidence: `moved` = the difference from baseline is in the better
 * direction with p < 0.05; `worse` = in the worse direction with p < 0.05; otherwise
 * `did_not_move` (`insufficient` when n is under minSample).
 */
export type Evidence = 'moved' | 'did_not_move' | 'worse' | 'insufficient';

export interface OutcomePeriodValue extends Estimate {
  period: string;
  display: string;
  difference: number | null;
  differenceLow: number | null;
  differenceHigh: number | null;
  p: number | null;
  evidence: Evidence;
  /** (value - baseline) / (target - baseline): 1 = target met. */
  attainment: number | null;
}

export interface OutcomeRow {
  /** `portfolio/metric`, as the invoice line ids (`outcome:portfolio/metric`). */
  key: string;
  portfolio: string;
  portfolioName: string;
  workflows: string[];
  metric: string;
  label: string;
  unit: Unit;
  direction: 'higher' | 'lower';
  /** Share of the at-risk amount: portfolio weight x outcome weight. */
  weight: number;
  minSample: number;
  params: Record<string, unknown>;
  /** What the metric engine measures: the vendor on the portfolio's workflows (or the vendor alone). */
  scope: ScopeRef;
  /**
   * The contract's baseline: a written number, or a period measured from data (value = that
   * measurement); `query` is the baseline as the metric engine is asked for it.
   */
  baseline: { value: number | null; written: boolean; period?: string; query: string };
  target: number;
  /** False when the target is not better than the baseline (then attainment reads backwards). */
  targetBeyondBaseline: boolean;
  /** The term so far against the baseline. */
  term: OutcomePeriodValue;
  /** One value per quarter of the term so far. */
  trend: OutcomePeriodValue[];
  /** This outcome's invoice lines over the term so far (positive: bonus paid; negative: withheld). */
  money: { net: string; paid: string; withheld: string; byPeriod: { period: string; amount: string }[] };
}

/** One settlement period's invoice, computed (not stored) with the versions in force. */
export interface MoneyPeriod {
  period: string;
  display: string;
  kind: 'provisional' | 'final';
  versions: number[];
  baseFee: string;
  atRisk: string;
  /** Sum of the positive outcome lines. */
  bonuses: string;
  /** Sum of the negative outcome lines (a negative number). */
  penalties: string;
  /** Bonus cap and penalty cap lines. */
  caps: string;
  /** Penalties given back by earn-back in this period, when any. */
  earnBack?: string;
  /** bonuses + penalties + caps + earn-back: what the outcomes added to (or took off) the base fee. */
  adjustments: string;
  total: string;
}

export interface MoneySummary {
  currency: string;
  periods: MoneyPeriod[];
  term: Omit<MoneyPeriod, 'period' | 'display' | 'kind' | 'versions'> & {
    /** max(0, -adjustments) / atRisk: the share of the at-risk amount withheld, net of bonuses. */
    withheldShare: number | null;
  };
}

export interface ValuePeriod {
  period: string;
  display: string;
  contacts: number;
  costPerContact: number | null;
  valuePerContact: number | null;
}

export interface ValueSummary {
  periods: ValuePeriod[];
  /** Relative change from the first period to the latest: 0.25 = +25%. */
  costChange: number | null;
  valueChange: number | null;
}

export type MeasurementStatus = 'met' | 'missed' | 'no_data' | 'no_threshold';

export interface MeasurementPeriod extends Estimate {
  period: string;
  display: string;
  status: MeasurementStatus;
  /** Missed, and the whole 95% interval (or the value, without one) is on the wrong side of the threshold. */
  evidentMiss: boolean;
}

/** A key measurement of remoteOperations / security (or attrition, which has no threshold). */
export interface MeasurementRow {
  metric: string;
  label: string;
  unit: Unit;
  direction: Direction;
  /** The contract's level (at least it for higher, at most it for lower); null: none. */
  threshold: number | null;
  /** Where the contract sets it, e.g. remoteOperations.adherence.target. */
  source: string | null;
  group: 'remote_operations' | 'security';
  scope: ScopeRef;
  params: Record<string, unknown>;
  term: MeasurementPeriod;
  periods: MeasurementPeriod[];
}

export interface SiteSeries {
  site: string;
  /** `n` is the mean agent headcount (rounded), `days` the period's length. */
  periods: (Estimate & { period: string; display: string; days: number })[];
}

export interface RecalibrationSummary {
  versions: { version: number; effectiveFrom: string; origin: string; createdAt: string }[];
  proposals: {
    id: string;
    period: string;
    status: string;
    baseVersion: number;
    effectiveFrom: string;
    triggersFired: string[];
    appliedVersion: number | null;
    decisions: { party: string; decision: string; decidedAt: string }[];
  }[];
  /** The contract's triggers evaluated on each period of the term against recalibration.reference. */
  triggers: {
    period: string;
    display: string;
    reference: string;
    fired: { measure: string; change: number | null; threshold: number; arithmetic: string }[];
  }[];
}

export type * from './recommendation-types.js';

export interface ScorecardData {
  kind: 'RenewalScorecard';
  contract: {
    id: string;
    displayName: string;
    version: number;
    client: string;
    vendor: string;
    currency: string;
    term: { start: string; end: string };
    timezone: string;
    settlement: 'monthly' | 'quarterly';
    workflows: string[];
  };
  /** The instant the data is judged as of. */
  asOf: string;
  /** The days the scorecard covers: the term start to the day before the as-of date (at most the term end). */
  termSoFar: TermPeriod;
  quarters: TermPeriod[];
  outcomes: OutcomeRow[];
  money: MoneySummary;
  value: ValueSummary;
  operations: MeasurementRow[];
  attritionBySite: SiteSeries[];
  recalibrations: RecalibrationSummary;
  /** Experiments on the contract and its alert history, when any are stored. */
  evidence?: EvidenceSummary;
  /** The outsourcing-market mechanics, when the contract has earn-back or chronic failure. */
  mechanics?: MechanicsSummary;
}

/** What chronic failure and earn-back gave over the term so far (docs/contracts.md). */
export interface MechanicsSummary {
  chronicFailure: { misses: number; within: number } | null;
  /** Termination rights chronic failure gave, each with the periods that made it. */
  terminationRights: {
    portfolio: string;
    metric: string;
    label: string;
    grantedIn: string;
    periods: string[];
  }[];
  /** Outcomes one default short of chronic failure in the last period. */
  oneShort: { portfolio: string; metric: string; label: string; periods: string[] }[];
  earnBack: { periods: number; share: number } | null;
  /** Penalties given back, on the period that completed each. */
  earnBacks: { period: string; line: string; label: string; penaltyPeriod: string; amount: string }[];
  earnBackTotal: string;
}

export interface Scorecard extends ScorecardData {
  recommendation: Recommendation;
}

/** Evidence for a joint decision (issue 15): the contract's experiments and its alert history. */
export interface EvidenceSummary {
  experiments: {
    id: string;
    title: string;
    metric: string;
    start: string;
    effect: number | null;
    low: number | null;
    high: number | null;
    p: number | null;
    insufficient: boolean;
    cells: Record<
      'treatedPre' | 'treatedPost' | 'controlPre' | 'controlPost',
      { value: number | null; n: number }
    >;
  }[];
  alerts: {
    asOf: string;
    period: string;
    portfolio: string;
    metric: string;
    previousState: string | null;
    state: string;
    change: string;
    moneyAtRisk: string;
  }[];
}
