/**
 * Statistics of weighted values, where a weight is how many units carry the value (a count
 * from SQL, or how often the bootstrap drew it). Each equals the statistic of the expanded
 * list (every value repeated `weight` times) without building that list.
 *
 * They return NaN when undefined (no weight, zero denominator): the bootstrap drops such
 * resamples, and the public interval functions turn them into nulls.
 */

/**
 * Type-7 quantile (R's default; numpy's 'linear'; SQL quantile_cont / percentile_cont) of an
 * ascending array: h = (n - 1) p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]).
 */
export function quantileType7(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const j = Math.floor(h);
  const lo = sorted[j]!;
  return j + 1 < n ? lo + (h - j) * (sorted[j + 1]! - lo) : lo;
}

/** Σ w v / Σ w. */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    sum += w * values[i]!;
    total += w;
  }
  return total > 0 ? sum / total : Number.NaN;
}

/** Σ w a / Σ w b, e.g. revenue over contacts when each unit carries (a, b). */
export function weightedRatio(
  a: readonly number[],
  b: readonly number[],
  weights: readonly number[],
): number {
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < a.length; i++) {
    const w = weights[i]!;
    numerator += w * a[i]!;
    denominator += w * b[i]!;
  }
  return denominator !== 0 ? numerator / denominator : Number.NaN;
}

/**
 * Continuous percentile (type 7) of the expanded values, from (value, weight) pairs with
 * non-negative integer weights: with N = Σ w and h = (N - 1) p, interpolates between the
 * expanded values at 0-based positions floor(h) and floor(h) + 1, found by walking the
 * cumulative weights. Values need not be sorted (already ascending input skips the sort).
 */
export function weightedPercentile(values: readonly number[], weights: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a percentile needs p in [0, 1], got ${p}`);
  const order = ascendingOrder(values);
  let total = 0;
  for (const w of weights) total += w;
  if (total <= 0) return Number.NaN;
  const h = (total - 1) * p;
  const j = Math.floor(h);
  const fraction = h - j;
  // Walk the sorted values until the cumulative weight passes position j (then j + 1).
  let cumulative = 0;
  let k = 0;
  let lower = Number.NaN;
  for (; k < order.length; k++) {
    cumulative += weights[order[k]!]!;
    if (cumulative > j) {
      lower = values[order[k]!]!;
      break;
    }
  }
  if (fraction === 0) return lower;
  // Position j + 1 is the same value unless j was the last copy of it.
  while (cumulative <= j + 1 && k < order.length - 1) {
    k++;
    cumulative += weights[order[k]!]!;
  }
  const upper = values[order[k]!]!;
  return lower + fraction * (upper - lower);
}

/** Indexes of `values` in ascending order; the identity when already sorted (the common case). */
function ascendingOrder(values: readonly number[]): number[] {
  const order = values.map((_, i) => i);
  for (let i = 1; i < values.length; i++) {
    if (values[i]! < values[i - 1]!) return order.sort((x, y) => values[x]! - values[y]!);
  }
  return order;
}
