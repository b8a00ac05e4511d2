import type { StaffingTerms } from '../contract/types.js';
import { type ErlangAStaffing, solveErlangA } from './erlang-a.js';
import { type Staffing, solveErlangC } from './erlang-c.js';

/**
 * The staffing a contract's `recalibration.staffing` terms ask for, for one interval's
 * measured contacts and AHT (the unit-rate model of recalibration). Erlang A needs the
 * mean patience (estimatePatience); without it, or with no abandons, it is Erlang C.
 */
export function staffForTerms(
  terms: StaffingTerms,
  measured: { contacts: number; ahtSeconds: number; patienceSeconds?: number },
): (Staffing | ErlangAStaffing) & { model: 'erlang_c' | 'erlang_a' } {
  const workload = {
    contacts: measured.contacts,
    intervalSeconds: terms.interval,
    ahtSeconds: measured.ahtSeconds,
  };
  const target = {
    serviceLevel: terms.target.serviceLevel,
    answerWithin: terms.target.answerWithin,
    shrinkage: terms.shrinkage,
    ...(terms.maxOccupancy === undefined ? {} : { maxOccupancy: terms.maxOccupancy }),
  };
  const patience = measured.patienceSeconds;
  if (terms.model === 'erlang_a' && patience !== undefined && Number.isFinite(patience)) {
    return { ...solveErlangA(workload, patience, target), model: 'erlang_a' };
  }
  return { ...solveErlangC(workload, target), model: 'erlang_c' };
}
