import { Decimal } from 'decimal.js';
import { percent, shiftCurve } from '../../contract/payout.js';
import type { Contract, Outcome } from '../../contract/types.js';
import { toDecimal } from '../../money/money.js';
import type { OutcomeLine } from '../types.js';
import type { ImprovedTarget, Improvement, PeriodRecord } from './types.js';

/** The anniversaries of term.start inside the term (a 29 February start falls on 28 February). */
export function anniversaries(term: { start: string; end: string }): string[] {
  const [y, m, d] = term.start.split('-');
  const out: string[] = [];
  for (let year = Number(y) + 1; ; year++) {
    const day = m === '02' && d === '29' && !leap(year) ? '28' : d;
    const date = `${year}-${m}-${day}`;
    if (date > term.end) return out;
    out.push(date);
  }
}
const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Continuous improvement (contract-format.md): at an anniversary each target moves toward
 * the best settlement-period value of the past year by `share` of the gap, only in the
 * better direction and never past the best value; the payout curve shifts with it.
 * `pastYear`: the settlement periods of the year before the anniversary.
 */
export function improveTargets(
  contract: Contract,
  anniversary: string,
  pastYear: readonly PeriodRecord[],
): Improvement {
  const share = contract.continuousImprovement?.share;
  if (share === undefined) throw new RangeError(`${contract.name} has no continuousImprovement`);
  const targets = contract.portfolios.flatMap((portfolio) =>
    portfolio.outcomes.map((outcome) => improved(portfolio.id, outcome, share, pastYear)),
  );
  return {
    anniversary,
    share,
    fromVersion: contract.version,
    periods: pastYear.map((r) => r.period),
    targets,
  };
}

function improved(
  portfolio: string,
  outcome: Outcome,
  share: number,
  pastYear: readonly PeriodRecord[],
): ImprovedTarget {
  const better = (a: number, b: number) => (outcome.direction === 'higher' ? a > b : a < b);
  let best: { value: number; period: string } | null = null;
  for (const record of pastYear) {
    for (const part of record.parts) {
      const line = part.lines.find(
        (l): l is OutcomeLine =>
          l.kind === 'outcome' && l.portfolio === portfolio && l.metric === outcome.metric,
      );
      const value = line && !line.trace.insufficient ? line.trace.value : null;
      if (value !== null && (best === null || better(value, best.value)))
        best = { value, period: record.period };
    }
  }
  const target = toDecimal(outcome.target);
  const gap = best && better(best.value, outcome.target) ? toDecimal(best.value).minus(target) : toDecimal(0);
  // Cut toward the old target: the new target never passes the best value measured.
  const move = gap.times(toDecimal(share)).toDecimalPlaces(6, Decimal.ROUND_DOWN);
  const newTarget = target.plus(move).toNumber();
  const rule = best
    ? `new target = target ${outcome.target} + ${percent(share)} x gap ${gap.toFixed()} (best ${best.value} in ${best.period}${gap.isZero() ? ', not better than the target: no move' : ` - target ${outcome.target}`}) = ${newTarget}; the payout curve shifts by ${move.toFixed()}`
    : `no settlement-period value in the past year: target ${outcome.target} kept`;
  return {
    portfolio,
    metric: outcome.metric,
    direction: outcome.direction,
    target: outcome.target,
    best: best?.value ?? null,
    bestPeriod: best?.period ?? null,
    gap: gap.toNumber(),
    share,
    move: move.toNumber(),
    newTarget,
    rule,
  };
}

/** The curve points of an outcome moved with its improved target (for the next version's source). */
export const improvedPoints = (outcome: Outcome, t: ImprovedTarget): number[] =>
  shiftCurve(outcome.payout, t.move).points.map((p) => p.at);
