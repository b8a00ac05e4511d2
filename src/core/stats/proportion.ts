/**
 * Shares (k of n): Wilson score interval, Newcombe's hybrid score interval for a difference,
 * the pooled two-proportion z-test and the one-sample score test, as metrics.md prescribes.
 */
import { normalTwoSidedP, Z95 } from './distributions.js';
import { type Bounds, bounds, NO_BOUNDS } from './types.js';

/** A difference p1 - p2 (or p - p0) with its interval; all null when undefined. */
export type DifferenceInterval =
  | { difference: number; low: number; high: number }
  | { difference: null; low: null; high: null };

/** A test statistic and its two-sided p-value; null when the test is undefined. */
export interface ZTest {
  z: number | null;
  p: number | null;
}

const NO_DIFFERENCE: DifferenceInterval = { difference: null, low: null, high: null };

function checkCount(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
    throw new RangeError(`a share needs integers 0 <= k <= n, got k = ${k}, n = ${n}`);
  }
}

/**
 * Wilson score interval without continuity correction:
 * (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n). n = 0 gives nulls.
 * At k = 0 the low bound is exactly 0 and at k = n the high bound exactly 1 (the formula's
 * value, which floating point would miss by an ulp).
 */
export function wilson(k: number, n: number, z: number = Z95): Bounds {
  checkCount(k, n);
  if (n === 0) return NO_BOUNDS;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return bounds(k === 0 ? 0 : centre - half, k === n ? 1 : centre + half);
}

/**
 * Newcombe (1998) method 10, the hybrid score interval for p1 - p2 of independent shares:
 * with Wilson bounds (l1, u1) and (l2, u2),
 * low = d - sqrt((p1 - l1)² + (u2 - p2)²), high = d + sqrt((u1 - p1)² + (p2 - l2)²).
 * Either n = 0 gives nulls.
 */
export function newcombe(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number = Z95,
): DifferenceInterval {
  const w1 = wilson(k1, n1, z);
  const w2 = wilson(k2, n2, z);
  if (w1.low === null || w2.low === null) return NO_DIFFERENCE;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const d = p1 - p2;
  return {
    difference: d,
    low: d - Math.hypot(p1 - w1.low, w2.high - p2),
    high: d + Math.hypot(w1.high - p1, p2 - w2.low),
  };
}

/**
 * Pooled two-proportion z-test of p1 = p2: z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2)) with
 * p = (k1 + k2) / (n1 + n2); two-sided normal p-value. Either n = 0 gives nulls. When the
 * pooled share is 0 or 1 both shares are equal (all 0 or all 1): z = 0 and p = 1, since the
 * data show no difference at all (the formula itself would be 0/0).
 */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): ZTest {
  checkCount(k1, n1);
  checkCount(k2, n2);
  if (n1 === 0 || n2 === 0) return { z: null, p: null };
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (k1 / n1 - k2 / n2) / se;
  return { z, p: normalTwoSidedP(z) };
}

/**
 * One-sample score test of k/n against a written share p0:
 * z = (p̂ - p0) / sqrt(p0(1 - p0)/n), two-sided normal p-value. n = 0 gives nulls.
 * p0 of exactly 0 or 1 has no spread under the hypothesis: p = 1 when p̂ = p0, else p = 0
 * (the data are impossible under p0), z null.
 */
export function scoreTest(k: number, n: number, p0: number): ZTest {
  checkCount(k, n);
  if (!(p0 >= 0 && p0 <= 1)) throw new RangeError(`a written share must be in [0, 1], got ${p0}`);
  if (n === 0) return { z: null, p: null };
  const p = k / n;
  if (p0 === 0 || p0 === 1) return { z: null, p: p === p0 ? 1 : 0 };
  const z = (p - p0) / Math.sqrt((p0 * (1 - p0)) / n);
  return { z, p: normalTwoSidedP(z) };
}

/**
 * Difference of k/n from a written share p0, with the Wilson interval shifted by p0. The
 * Wilson interval is the inversion of the score test, so the interval excludes 0 exactly
 * when the score test's p is below 0.05.
 */
export function differenceFromShare(k: number, n: number, p0: number, z: number = Z95): DifferenceInterval {
  const w = wilson(k, n, z);
  if (w.low === null) return NO_DIFFERENCE;
  return { difference: k / n - p0, low: w.low - p0, high: w.high - p0 };
}
