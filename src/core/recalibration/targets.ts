import { shiftCurve } from '../contract/payout.js';
import type { Outcome, Portfolio } from '../contract/types.js';
import { readsInteractions } from '../metric/catalog.js';
import type { MetricInfo } from '../metric/types.js';
import { toDecimal } from '../money/money.js';
import { fixed, signed } from './format.js';
import type { Standardisation } from './standardise.js';
import type { TargetProposal } from './types.js';

/**
 * Which outcomes are mix-adjusted: share and mean metrics that read interactions (their
 * value is an average over contacts, episodes, customers or reviews, so a segment mix
 * can be re-weighted). Counts, percentiles, bootstrap and agent metrics keep their terms.
 */
export function mixAdjustable(info: MetricInfo | undefined): { ok: boolean; reason: string } {
  if (!info) return { ok: false, reason: 'unknown metric: kept' };
  if (!readsInteractions(info) || info.needsContract) {
    return { ok: false, reason: `${info.id} does not read interactions: its target is kept` };
  }
  if (info.interval !== 'wilson' && info.interval !== 'student_t') {
    return {
      ok: false,
      reason: `${info.id} is not a share or a mean over contacts (${info.unit}, ${info.interval}): its target is kept`,
    };
  }
  return { ok: true, reason: 'mix-adjusted by direct standardisation on workflow x channel x path' };
}

/** The outcome's terms moved by a standardisation's shift: target, every curve point, a written baseline. */
export function adjustedTarget(
  portfolio: Portfolio,
  outcome: Outcome,
  standardisation: Standardisation,
  measured: TargetProposal['measured'],
): TargetProposal {
  const { shift } = standardisation;
  const move = (value: number) => toDecimal(value).plus(toDecimal(shift)).toNumber();
  const proposedTarget = move(outcome.target);
  return {
    portfolio: portfolio.id,
    metric: outcome.metric,
    direction: outcome.direction,
    adjusted: true,
    reason:
      `mix-adjusted: target ${fixed(outcome.target, 4)} ${signed(shift, 4)} = ${fixed(proposedTarget, 4)}; ` +
      'the whole payout curve moves by the same amount',
    target: outcome.target,
    proposedTarget,
    shift,
    baseline: outcome.baseline,
    proposedBaseline:
      'value' in outcome.baseline ? { value: move(outcome.baseline.value) } : outcome.baseline,
    curve: outcome.payout,
    proposedCurve: shiftCurve(outcome.payout, shift),
    ...(measured ? { measured } : {}),
    standardisation,
  };
}

/** An outcome whose terms stay as they are. */
export function keptTarget(portfolio: Portfolio, outcome: Outcome, reason: string): TargetProposal {
  return {
    portfolio: portfolio.id,
    metric: outcome.metric,
    direction: outcome.direction,
    adjusted: false,
    reason,
    target: outcome.target,
    proposedTarget: outcome.target,
    shift: 0,
    baseline: outcome.baseline,
    proposedBaseline: outcome.baseline,
    curve: outcome.payout,
    proposedCurve: outcome.payout,
  };
}
