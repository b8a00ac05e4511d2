/** Staffing models for recalibration: Erlang C and Erlang A (docs/contracts.md, Staffing). */
export {
  type ErlangAMetrics,
  type ErlangAStaffing,
  erlangAMetrics,
  estimatePatience,
  solveErlangA,
} from './erlang-a.js';
export {
  checkTarget,
  checkWorkload,
  erlangB,
  erlangC,
  erlangCMetrics,
  MAX_AGENTS,
  type QueueMetrics,
  type Staffing,
  StaffingNotReachable,
  type StaffingTarget,
  solveErlangC,
  trafficOf,
  type Workload,
  withShrinkage,
} from './erlang-c.js';
export { staffForTerms } from './from-terms.js';
