/**
 * Means from sufficient statistics (n, mean, sample sd with n - 1): Student t interval,
 * Welch's test and interval for a difference of two means, and the one-sample t-test.
 * The engine computes (count, avg, stddev_samp) in SQL; nothing here needs the rows.
 *
 * Degenerate data never give NaN: with n < 2 there is no sd, and with sd = 0 there is no
 * sampling spread to build a t statistic from (R's t.test refuses such data as "essentially
 * constant"); both give null intervals, statistics and p-values. The point difference is
 * still returned whenever the means exist (n >= 1).
 */
import { LEVEL95, studentCritical, studentTwoSidedP } from './distributions.js';
import { type Bounds, bounds, NO_BOUNDS } from './types.js';

/** Sufficient statistics of a mean; `sd` is the sample standard deviation (divisor n - 1). */
export interface MeanSummary {
  n: number;
  mean: number;
  sd: number;
}

/** A t-based difference (current - reference), its interval, t, degrees of freedom and p. */
export interface TTest {
  difference: number | null;
  low: number | null;
  high: number | null;
  t: number | null;
  df: number | null;
  p: number | null;
}

function check(s: MeanSummary): void {
  if (!Number.isInteger(s.n) || s.n < 0) throw new RangeError(`n must be a non-negative integer, got ${s.n}`);
  if (s.n > 0 && !Number.isFinite(s.mean)) throw new RangeError(`mean must be finite, got ${s.mean}`);
  if (s.n > 1 && !(Number.isFinite(s.sd) && s.sd >= 0)) throw new RangeError(`sd must be >= 0, got ${s.sd}`);
}

/** Student t interval mean ± t(0.975, n - 1) sd / sqrt(n). Null for n < 2 or sd = 0. */
export function tInterval(s: MeanSummary, level: number = LEVEL95): Bounds {
  check(s);
  if (s.n < 2 || s.sd === 0) return NO_BOUNDS;
  const half = (studentCritical(s.n - 1, level) * s.sd) / Math.sqrt(s.n);
  return bounds(s.mean - half, s.mean + half);
}

/**
 * Welch's unequal-variance t-test for a.mean - b.mean: se² = sa²/na + sb²/nb,
 * Welch–Satterthwaite df = se⁴ / ((sa²/na)²/(na - 1) + (sb²/nb)²/(nb - 1)),
 * interval d ± t(0.975, df) se, two-sided p = 2 P(T_df <= -|d/se|).
 * Null (except the difference) when either n < 2 or both sds are 0.
 */
export function welch(a: MeanSummary, b: MeanSummary, level: number = LEVEL95): TTest {
  check(a);
  check(b);
  const difference = a.n > 0 && b.n > 0 ? a.mean - b.mean : null;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (difference === null || a.n < 2 || b.n < 2 || se2 === 0) return nullTest(difference);
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return tTest(difference, Math.sqrt(se2), df, level);
}

/**
 * One-sample t-test of the mean against a written number mu0: t = (mean - mu0) / (sd / sqrt n),
 * df = n - 1; the interval is the t interval shifted by mu0. Null (except the difference)
 * for n < 2 or sd = 0.
 */
export function oneSampleT(s: MeanSummary, mu0: number, level: number = LEVEL95): TTest {
  check(s);
  if (!Number.isFinite(mu0)) throw new RangeError(`a written mean must be finite, got ${mu0}`);
  const difference = s.n > 0 ? s.mean - mu0 : null;
  if (difference === null || s.n < 2 || s.sd === 0) return nullTest(difference);
  return tTest(difference, s.sd / Math.sqrt(s.n), s.n - 1, level);
}

function tTest(difference: number, se: number, df: number, level: number): TTest {
  const half = studentCritical(df, level) * se;
  const t = difference / se;
  return { difference, low: difference - half, high: difference + half, t, df, p: studentTwoSidedP(t, df) };
}

function nullTest(difference: number | null): TTest {
  return { difference, low: null, high: null, t: null, df: null, p: null };
}
