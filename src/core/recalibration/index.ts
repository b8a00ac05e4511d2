/** Recalibration: triggers, mix-adjusted targets, the staffing-model unit rate, approvals (docs/recalibration.md). */
export {
  checkDecision,
  type Decision,
  earliestEffectiveDate,
  effectiveDate,
  PARTIES,
  type ProposalStatus,
  type RecordedDecision,
  verdict,
} from './decisions.js';
export { fixed, pct, pp, signed } from './format.js';
export {
  checkProposedSource,
  editSource,
  type OutcomeEdit,
  type SourceEdits,
  withEffectiveFrom,
} from './proposed-source.js';
export {
  directStandardise,
  type SegmentKey,
  type SegmentStat,
  SHIFT_DIGITS,
  type Standardisation,
  type StandardisedSegment,
} from './standardise.js';
export { adjustedTarget, keptTarget, mixAdjustable } from './targets.js';
export {
  type ChannelShift,
  changeOf,
  channelShifts,
  evaluateTriggers,
  type MeasuredValue,
  type PeriodMeasures,
  type TriggerResult,
} from './triggers.js';
export type { ProposalBody, TargetProposal } from './types.js';
export {
  type BusyInterval,
  type IntervalLoad,
  type PeriodStaffing,
  type PeriodWorkload,
  proposeUnitRate,
  staffPeriod,
  termsText,
  type UnitRateProposal,
  unitsOf,
} from './unit-rate.js';
