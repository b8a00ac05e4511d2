import type { Party } from '../contract/types.js';
import { UserError } from '../issues.js';
import { addDays } from '../time/calendar.js';
import { instantMs, localDateOf } from '../time/zone.js';

/**
 * Approval of a recalibration proposal: each party named in `recalibration.approval`
 * decides once; one rejection closes the proposal; the approval of the last party makes
 * it the next version. A version never applies before it was approved: it takes effect
 * on the stated date, or, when the last approval (plus `effectiveLag`) comes later, on
 * the day after that instant's local date in the contract's zone.
 */

export type Decision = 'approve' | 'reject';
export type ProposalStatus = 'open' | 'rejected' | 'applied';

export interface RecordedDecision {
  party: string;
  decision: Decision;
  decidedAt: string;
}

export const PARTIES: readonly Party[] = ['client', 'vendor'];

/** Refuses a decision the rules do not allow (with the reason); returns the party. */
export function checkDecision(
  status: ProposalStatus,
  required: readonly Party[],
  recorded: readonly RecordedDecision[],
  party: string,
  decidedAt: string,
  createdAt: string,
): Party {
  if (!(PARTIES as readonly string[]).includes(party)) {
    throw new UserError(`--as ${party}: a party is client or vendor`);
  }
  if (!(required as readonly string[]).includes(party)) {
    throw new UserError(
      `${party} is not a party to this recalibration: recalibration.approval names ${required.join(', ')}`,
    );
  }
  if (status !== 'open') throw new UserError(`the proposal is ${status}: no more decisions are taken`);
  const earlier = recorded.find((d) => d.party === party);
  if (earlier) {
    throw new UserError(
      `${party} already decided (${earlier.decision}, ${earlier.decidedAt}): a party decides once`,
    );
  }
  const at = instantMs(decidedAt);
  if (at < instantMs(createdAt)) {
    throw new UserError(`a decision at ${decidedAt} would come before the proposal was made (${createdAt})`);
  }
  const latest = recorded.reduce((max, d) => Math.max(max, instantMs(d.decidedAt)), Number.NEGATIVE_INFINITY);
  if (at < latest) throw new UserError(`a decision at ${decidedAt} would come before an earlier decision`);
  return party as Party;
}

/** What the decisions so far add up to. */
export function verdict(
  required: readonly Party[],
  recorded: readonly RecordedDecision[],
): 'rejected' | 'approved' | 'waiting' {
  if (recorded.some((d) => d.decision === 'reject')) return 'rejected';
  const approved = new Set(recorded.filter((d) => d.decision === 'approve').map((d) => d.party));
  return required.every((party) => approved.has(party)) ? 'approved' : 'waiting';
}

/** The first date a version approved at `approvedAt` may take effect: the day after the local date of approval + lag. */
export function earliestEffectiveDate(approvedAt: string, lagSeconds: number, zone: string): string {
  return addDays(localDateOf(instantMs(approvedAt) + lagSeconds * 1000, zone), 1);
}

/** The stated date, unless the last approval (plus lag) comes too late for it: never retroactively. */
export function effectiveDate(
  stated: string,
  approvedAt: string,
  lagSeconds: number,
  zone: string,
): { date: string; earliest: string; moved: boolean } {
  const earliest = earliestEffectiveDate(approvedAt, lagSeconds, zone);
  return stated >= earliest
    ? { date: stated, earliest, moved: false }
    : { date: earliest, earliest, moved: true };
}
