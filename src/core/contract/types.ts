/**
 * A validated contract in normal form: fractions as JS numbers (12% -> 0.12), money as
 * decimal strings exactly as written ("4.20"), durations in seconds, every default filled
 * in, and each outcome's direction and parameters resolved.
 */

export type OutcomeDirection = 'higher' | 'lower';
export type BaseUnit = 'handled_contact' | 'resolved_contact' | 'fte_month' | 'fixed_month';
export type RoundingMode = 'half_up' | 'half_even';
export type Party = 'client' | 'vendor';

export interface IncidentLimitText {
  acknowledgeWithin: string;
  resolveWithin: string;
}

/**
 * A metric parameter in the metric catalog's own form (as its defaults are written):
 * durations stay canonical text (`7d`: calendar days in the contract zone, which seconds
 * would lose), seconds and days are numbers.
 */
export type ParamValue = string | number | boolean | string[] | Record<string, IncidentLimitText>;

export interface CurvePoint {
  at: number;
  pay: number;
}

export interface PayoutCurve {
  interpolate: 'linear' | 'step';
  /** Worst to best. */
  points: CurvePoint[];
}

export type Baseline = { value: number } | { period: string };

export interface Outcome {
  metric: string;
  displayName?: string;
  /** As written, or the metric catalog's. */
  direction: OutcomeDirection;
  /** Every parameter of the metric: the outcome's, else remoteOperations/security's, else the catalog default. */
  params: Record<string, ParamValue>;
  /** Share of the portfolio's allocation. */
  weight: number;
  baseline: Baseline;
  target: number;
  payout: PayoutCurve;
}

export interface Portfolio {
  id: string;
  displayName?: string;
  description?: string;
  workflows: string[];
  /** Share of the at-risk amount. */
  weight: number;
  minSample: number;
  outcomes: Outcome[];
}

export interface Pricing {
  base: { unit: BaseUnit; rate: string; fteHoursPerMonth: number };
  fteHourRate?: string;
  atRisk: number;
  bonusCap: number;
  rounding: RoundingMode;
  /** What the portfolio weights sum to (default 1 = 100%); penalties are still cut at atRisk. */
  allocationPool?: number;
}

/** A penalty given back when the outcome then meets its target in each of the next `periods`. */
export interface EarnBackTerms {
  periods: number;
  /** Share of the charged penalty given back. */
  share: number;
}

/** At each anniversary of term.start, targets move this share of the gap toward the past year's best value. */
export interface ContinuousImprovementTerms {
  share: number;
}

/** `misses` defaults (pay below 0%) of one outcome within `within` consecutive periods: a termination right. */
export interface ChronicFailureTerms {
  misses: number;
  within: number;
}

export interface Trigger {
  measure: string;
  /** `points`: absolute change of a share (10pp -> 0.10); `relative`: |current - reference| / reference. */
  mode: 'points' | 'relative';
  change: number;
}

export interface StaffingTerms {
  target: { serviceLevel: number; answerWithin: number };
  /** Seconds. */
  interval: number;
  shrinkage: number;
  maxOccupancy?: number;
  model: 'erlang_c' | 'erlang_a';
}

export interface Recalibration {
  reference: string;
  triggers: Trigger[];
  approval: Party[];
  /** Seconds between approval and the earliest effective date of a new version. */
  effectiveLag: number;
  staffing?: StaffingTerms;
}

export interface IncidentLimit {
  /** Seconds. */
  acknowledgeWithin: number;
  resolveWithin: number;
}

export interface RemoteOperations {
  adherence?: { target: number };
  coaching?: { cadence?: number; mode?: string; coverage?: number };
  qaCalibration?: { minAlpha: number };
  backfill?: { criticalRoleDays: number };
}

export interface Security {
  access?: { mfaRequired: boolean; compliantDeviceRequired: boolean; allowedCountries?: string[] };
  incidents?: Partial<Record<'sev1' | 'sev2' | 'sev3' | 'sev4', IncidentLimit>>;
  continuity?: { maxSiteShare: number };
}

/** A reported and alerted measurement with no payout (remoteOperations, security). */
export interface KeyMeasurement {
  metric: string;
  direction: OutcomeDirection;
  /** The level to meet: at least it (higher) or at most it (lower). */
  threshold: number;
  params: Record<string, ParamValue>;
  /** Where the contract sets it, e.g. remoteOperations.adherence.target. */
  source: string;
}

export interface Contract {
  name: string;
  displayName?: string;
  description?: string;
  version: number;
  labels: Record<string, string>;
  client: string;
  vendor: string;
  currency: string;
  term: { start: string; end: string };
  /** The first date these terms apply to (default: the term start). */
  effectiveFrom: string;
  timezone: string;
  settlement: 'monthly' | 'quarterly';
  pricing: Pricing;
  portfolios: Portfolio[];
  earnBack?: EarnBackTerms;
  continuousImprovement?: ContinuousImprovementTerms;
  chronicFailure?: ChronicFailureTerms;
  recalibration?: Recalibration;
  remoteOperations?: RemoteOperations;
  security?: Security;
  /** The contract's scope: the union of the portfolios' workflows, in order of first mention. */
  workflows: string[];
  keyMeasurements: KeyMeasurement[];
  /** Parameter defaults that remoteOperations and security set, by metric (coaching mode, countries...). */
  paramDefaults: Record<string, Record<string, ParamValue>>;
}
