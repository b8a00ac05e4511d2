import type { Decimal } from 'decimal.js';
import { toDecimal } from '../money/money.js';
import type { CurvePoint, OutcomeDirection, PayoutCurve } from './types.js';

/**
 * Payout curves (contract-format.md): points run worst to best. Linear interpolates
 * between neighbours; step pays the best point the value reaches or passes (>= for
 * higher-is-better, <= for lower-is-better). Worse than the first point: the first pay;
 * better than the last: the last pay. Arithmetic is decimal, so a value on a point pays
 * that point's pay exactly and half-way pays exactly half.
 */

export interface PayoutEvaluation {
  /** Pay as a fraction of the outcome's allocation. */
  pay: number;
  /** The same pay as an exact decimal, for money. */
  exact: Decimal;
  /** The points the pay came from: one (clamped, on a point, a step) or the two interpolated between. */
  points: CurvePoint[];
  position: 'worse_than_first' | 'on_point' | 'between' | 'better_than_last' | 'step';
  /** The rule applied, in words, for the trace. */
  rule: string;
}

export const percent = (fraction: number | Decimal): string =>
  `${+(typeof fraction === 'number' ? fraction * 100 : fraction.times(100).toNumber()).toPrecision(12)}%`;

const show = (point: CurvePoint) => `(${point.at}, ${percent(point.pay)})`;

export function evaluatePayout(
  curve: PayoutCurve,
  direction: OutcomeDirection,
  value: number,
): PayoutEvaluation {
  const { points } = curve;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) throw new RangeError('a payout curve needs points');
  const v = toDecimal(value);
  // How far `value` is past `at` in the better direction: >= 0 means it reaches or passes it.
  const past = (point: CurvePoint) => {
    const difference = v.minus(toDecimal(point.at));
    return direction === 'higher' ? difference : difference.negated();
  };
  const result = (
    pay: Decimal,
    used: CurvePoint[],
    position: PayoutEvaluation['position'],
    rule: string,
  ) => ({
    pay: pay.toNumber(),
    exact: pay,
    points: used,
    position,
    rule,
  });
  const payOf = (point: CurvePoint) => toDecimal(point.pay);

  if (past(first).lessThan(0)) {
    return result(
      payOf(first),
      [first],
      'worse_than_first',
      `worse than the first point ${show(first)}: its pay`,
    );
  }
  // The best point the value reaches or passes.
  let reached = 0;
  for (let i = 1; i < points.length; i += 1) if (!past(points[i] as CurvePoint).lessThan(0)) reached = i;
  const at = points[reached] as CurvePoint;

  if (curve.interpolate === 'step') {
    const sign = direction === 'higher' ? '>=' : '<=';
    return result(
      payOf(at),
      [at],
      'step',
      `step: the best point reached (value ${sign} ${at.at}) ${show(at)}`,
    );
  }
  if (reached === points.length - 1) {
    const exactly = past(at).isZero();
    return exactly
      ? result(payOf(at), [at], 'on_point', `on the last point ${show(at)}`)
      : result(payOf(at), [at], 'better_than_last', `better than the last point ${show(at)}: its pay`);
  }
  if (past(at).isZero()) return result(payOf(at), [at], 'on_point', `on the point ${show(at)}`);
  const next = points[reached + 1] as CurvePoint;
  const share = v.minus(toDecimal(at.at)).div(toDecimal(next.at).minus(toDecimal(at.at)));
  // Interpolation divides, so the pay may not terminate: it is carried to 30 decimal places,
  // far below a cent on any allocation, leaving the money multiplication exact.
  const pay = payOf(at)
    .plus(share.times(payOf(next).minus(payOf(at))))
    .toDecimalPlaces(30);
  return result(pay, [at, next], 'between', `linear between ${show(at)} and ${show(next)}`);
}

/**
 * How far the value has gone from baseline to target: (value - baseline) / (target - baseline),
 * so 1 = target met, 0 = baseline held, negative = worse than baseline. Defined only when the
 * target is better than the baseline in the outcome's direction (contract-format.md); a
 * "hold" target (equal or worse) has none: the outcome shows met or missed instead.
 */
export function attainment(
  value: number,
  baseline: number,
  target: number,
  direction: 'higher' | 'lower',
): number | null {
  const span = toDecimal(target).minus(toDecimal(baseline));
  const better = direction === 'higher' ? span.isPositive() : span.isNegative();
  if (span.isZero() || !better) return null;
  return toDecimal(value).minus(toDecimal(baseline)).div(span).toNumber();
}

/** Met or missed: the value against the target in the outcome's direction (never attainment). */
export const targetMet = (value: number, target: number, direction: 'higher' | 'lower'): boolean =>
  direction === 'higher' ? value >= target : value <= target;

/** The curve moved along the value axis by `by` (a mix-adjusted target moves its whole curve with it). */
export function shiftCurve(curve: PayoutCurve, by: number): PayoutCurve {
  const shift = toDecimal(by);
  return {
    interpolate: curve.interpolate,
    points: curve.points.map((point) => ({ at: toDecimal(point.at).plus(shift).toNumber(), pay: point.pay })),
  };
}
