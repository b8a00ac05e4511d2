import type { Baseline, OutcomeDirection, Party, PayoutCurve } from '../contract/types.js';
import type { Standardisation } from './standardise.js';
import type { TriggerResult } from './triggers.js';
import type { UnitRateProposal } from './unit-rate.js';

/** One outcome's terms in a proposal: mix-adjusted, or kept with the reason. */
export interface TargetProposal {
  portfolio: string;
  metric: string;
  direction: OutcomeDirection;
  adjusted: boolean;
  /** Why it was (not) adjusted. */
  reason: string;
  target: number;
  proposedTarget: number;
  /** proposedTarget - target: the amount the whole curve moved by. */
  shift: number;
  baseline: Baseline;
  proposedBaseline: Baseline;
  curve: PayoutCurve;
  proposedCurve: PayoutCurve;
  /** The metric on the scope of the portfolio, without the mix adjustment, in both periods. */
  measured?: {
    reference: { value: number | null; n: number };
    current: { value: number | null; n: number };
  };
  standardisation?: Standardisation;
}

/** What a proposal holds (the `body` of the proposals table). */
export interface ProposalBody {
  contract: string;
  baseVersion: number;
  nextVersion: number;
  /** The period the base terms were priced on, and the period the proposal prices the new ones on. */
  reference: string;
  period: string;
  scope: { vendor: string; workflows: string[] };
  /** The instant the data was read as of. */
  measuredAsOf: string;
  triggers: TriggerResult[];
  targets: TargetProposal[];
  /** The staffing-model unit rate, or null with the reason in `notes`. */
  staffing: UnitRateProposal | null;
  /** The date the proposal states; an approval after it moves the version's date (never retroactively). */
  effectiveFrom: string;
  approval: Party[];
  /** Seconds between the last approval and the earliest effective date. */
  effectiveLag: number;
  notes: string[];
}
