/**
 * The one entry point the metric engine calls: a value's 95% interval, and its difference
 * from a baseline with interval and two-sided p-value, by the metric's interval method as
 * metrics.md "Uncertainty and comparison" prescribes:
 *
 * | method    | current   | vs measured baseline             | vs written number              |
 * |-----------|-----------|----------------------------------|--------------------------------|
 * | wilson    | share     | Newcombe hybrid score + pooled z | Wilson - p0, score test        |
 * | student_t | mean      | Welch interval and test          | t interval - mu0, one-sample t |
 * | bootstrap | bootstrap | bootstrap difference             | bootstrap interval - x         |
 * | none      | any       | point difference; interval and p are null                         |
 *
 * Differences are always current - baseline; which direction is better is the caller's concern.
 */
import { type BootstrapOptions, bootstrapWeighted, observed, type WeightedSample } from './bootstrap.js';
import { bootstrapDifference } from './bootstrap-compare.js';
import { oneSampleT, tInterval, welch } from './mean.js';
import { differenceFromShare, newcombe, scoreTest, twoProportionZTest, wilson } from './proportion.js';
import { type Bounds, type Comparison, finiteOrNull, NO_BOUNDS } from './types.js';

/**
 * How a metric's uncertainty is computed (the `interval` column of metrics.md); the same union
 * as metric/types.ts `IntervalMethod`, repeated so the stats layer stands alone.
 */
export type IntervalMethod = 'wilson' | 'student_t' | 'bootstrap' | 'none';

/**
 * Sufficient statistics of one measured value:
 * - share: k of n units (Wilson);
 * - mean: n, mean and sample sd (divisor n - 1) of the units' values (Student t);
 * - bootstrap: the compact weighted sample with its statistic (see bootstrap.ts: meanSample,
 *   percentileSample, ratioSample, krippendorff.ts intervalAlphaSample);
 * - value: a bare number, for metrics without an interval (method none).
 */
export type Measured =
  | { kind: 'share'; k: number; n: number }
  | { kind: 'mean'; n: number; mean: number; sd: number }
  | { kind: 'bootstrap'; sample: WeightedSample<unknown> }
  | { kind: 'value'; value: number };

/** A baseline is measured from data the same way as the value, or written as a number. */
export type Baseline = Measured | number;

/** A value with its 95% interval; nulls where undefined (n = 0, n < 2, no spread). */
export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** The point value of a measurement, null when undefined (n = 0). */
export function pointValue(m: Measured): number | null {
  switch (m.kind) {
    case 'share':
      return m.n > 0 ? m.k / m.n : null;
    case 'mean':
      return m.n > 0 ? m.mean : null;
    case 'bootstrap':
      return finiteOrNull(observed(m.sample));
    case 'value':
      return finiteOrNull(m.value);
  }
}

/** The value and its 95% interval by the metric's method. */
export function estimate(method: IntervalMethod, m: Measured, opts: BootstrapOptions = {}): Estimate {
  const value = pointValue(m);
  const interval = ((): Bounds => {
    switch (method) {
      case 'none':
        return NO_BOUNDS;
      case 'wilson': {
        const s = as('share', method, m);
        return wilson(s.k, s.n);
      }
      case 'student_t':
        return tInterval(as('mean', method, m));
      case 'bootstrap':
        return bootstrapWeighted(as('bootstrap', method, m).sample, opts);
    }
  })();
  return { value, low: interval.low, high: interval.high };
}

/**
 * The difference current - baseline with its 95% interval and two-sided p-value. A measured
 * baseline must have the same kind of statistics as the current value.
 */
export function compare(
  method: IntervalMethod,
  current: Measured,
  baseline: Baseline,
  opts: BootstrapOptions = {},
): Comparison {
  switch (method) {
    case 'none':
      return pointDifference(current, baseline);
    case 'wilson': {
      const cur = as('share', method, current);
      if (typeof baseline === 'number') {
        const d = differenceFromShare(cur.k, cur.n, baseline);
        return result(d.difference, d.low, d.high, scoreTest(cur.k, cur.n, baseline).p);
      }
      const base = as('share', method, baseline);
      const d = newcombe(cur.k, cur.n, base.k, base.n);
      return result(d.difference, d.low, d.high, twoProportionZTest(cur.k, cur.n, base.k, base.n).p);
    }
    case 'student_t': {
      const cur = as('mean', method, current);
      const t =
        typeof baseline === 'number' ? oneSampleT(cur, baseline) : welch(cur, as('mean', method, baseline));
      return result(t.difference, t.low, t.high, t.p);
    }
    case 'bootstrap': {
      const cur = as('bootstrap', method, current);
      const base = typeof baseline === 'number' ? baseline : as('bootstrap', method, baseline).sample;
      return bootstrapDifference(cur.sample, base, opts);
    }
  }
}

const result = (
  difference: number | null,
  differenceLow: number | null,
  differenceHigh: number | null,
  p: number | null,
): Comparison => ({ difference, differenceLow, differenceHigh, p });

/** Method none: only the point difference. */
function pointDifference(current: Measured, baseline: Baseline): Comparison {
  const a = pointValue(current);
  const b = typeof baseline === 'number' ? baseline : pointValue(baseline);
  return result(a === null || b === null ? null : finiteOrNull(a - b), null, null, null);
}

/** Each method reads one kind of statistics; any other kind is a caller bug, so it throws. */
function as<K extends Measured['kind']>(
  kind: K,
  method: IntervalMethod,
  m: Measured,
): Extract<Measured, { kind: K }> {
  if (m.kind !== kind)
    throw new TypeError(`interval method ${method} needs ${kind} statistics, got ${m.kind}`);
  return m as Extract<Measured, { kind: K }>;
}
