/**
 * Krippendorff's alpha, after Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability":
 * alpha = 1 - D_o / D_e with, over pairable values (units with m_u >= 2 values),
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²(c, k),  o_ck = Σ_u (ordered c-k pairs of different coders in u) / (m_u - 1),
 *   D_e = 1/(n(n - 1)) Σ_c Σ_k n_c n_k δ²(c, k),  n_c = Σ_k o_ck,  n = Σ_u m_u.
 *
 * Interval metric, δ² = (c - k)². The ordered pairs of a unit sum to
 * Σ_{i≠j} (v_i - v_j)² = 2(m Σv² - (Σv)²), so per unit only (m, Σv, Σv²) is needed:
 *   D_o = (1/n) Σ_u 2(m_u Σv² - (Σv)²)/(m_u - 1),   D_e = 2(n S2 - S1²) / (n(n - 1)),
 * with S1, S2 the sums of v and v² over all pairable values (the sums of the units' sums).
 * Nominal metric, δ² = [c ≠ k]: per unit only its value counts n_uc are needed:
 *   Σ_{i≠j} [v_i ≠ v_j] = m² - Σ_c n_uc²,  and Σ_c Σ_k n_c n_k [c ≠ k] = n² - Σ_c n_c².
 *
 * Alpha is undefined (null here, NaN for the bootstrap statistics) without two pairable
 * values or when all pairable values are equal (D_e = 0).
 */
import {
  type BootstrapOptions,
  bootstrapWeighted,
  type WeightedSample,
  type WeightedStatistic,
} from './bootstrap.js';
import type { Bounds } from './types.js';
import { finiteOrNull } from './types.js';

/** Interval-metric sufficient statistics of one unit: its m values, Σv and Σv². */
export interface IntervalUnit {
  m: number;
  sum: number;
  sumSquares: number;
}

/** Nominal-metric sufficient statistics of one unit: how many coders gave each value. */
export interface NominalUnit {
  counts: ReadonlyMap<string | number, number>;
}

/** (m, Σv, Σv²) of one unit's values. */
export function intervalUnit(values: readonly number[]): IntervalUnit {
  let sum = 0;
  let sumSquares = 0;
  for (const v of values) {
    sum += v;
    sumSquares += v * v;
  }
  return { m: values.length, sum, sumSquares };
}

/** Interval alpha from per-unit sums; each unit counts `weights[i]` times (default once). */
export const intervalAlphaStatistic: WeightedStatistic<IntervalUnit> = (units, weights) => {
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let observed = 0;
  units.forEach((u, i) => {
    const w = weights[i]!;
    if (u.m < 2 || w === 0) return;
    n += w * u.m;
    s1 += w * u.sum;
    s2 += w * u.sumSquares;
    observed += (w * 2 * (u.m * u.sumSquares - u.sum * u.sum)) / (u.m - 1);
  });
  const expected = 2 * (n * s2 - s1 * s1);
  // alpha = 1 - [observed / n] / [expected / (n(n - 1))] = 1 - (n - 1) observed / expected.
  return n >= 2 && expected > 0 ? 1 - ((n - 1) * observed) / expected : Number.NaN;
};

/** Nominal alpha from per-unit value counts; each unit counts `weights[i]` times. */
export const nominalAlphaStatistic: WeightedStatistic<NominalUnit> = (units, weights) => {
  let n = 0;
  let observed = 0;
  const pooled = new Map<string | number, number>();
  units.forEach((u, i) => {
    const w = weights[i]!;
    let m = 0;
    let same = 0;
    for (const c of u.counts.values()) {
      m += c;
      same += c * c;
    }
    if (m < 2 || w === 0) return;
    n += w * m;
    observed += (w * (m * m - same)) / (m - 1);
    for (const [value, c] of u.counts) pooled.set(value, (pooled.get(value) ?? 0) + w * c);
  });
  let expected = n * n;
  for (const c of pooled.values()) expected -= c * c;
  return n >= 2 && expected > 0 ? 1 - ((n - 1) * observed) / expected : Number.NaN;
};

const once = (length: number): number[] => new Array<number>(length).fill(1);

/** Interval alpha of units given as (m, Σv, Σv²); units with m < 2 are left out. */
export const intervalAlpha = (units: readonly IntervalUnit[]): number | null =>
  finiteOrNull(intervalAlphaStatistic(units, once(units.length)));

/** Nominal alpha of units given as value counts; units with fewer than 2 values are left out. */
export const nominalAlpha = (units: readonly NominalUnit[]): number | null =>
  finiteOrNull(nominalAlphaStatistic(units, once(units.length)));

/** Interval alpha as a bootstrap sample: each unit once, resampled with replacement. */
export const intervalAlphaSample = (units: readonly IntervalUnit[]): WeightedSample<IntervalUnit> => ({
  items: units,
  counts: once(units.length),
  statistic: intervalAlphaStatistic,
});

/** Percentile bootstrap of interval alpha, resampling units (2000 resamples, seed 1). */
export const bootstrapIntervalAlpha = (units: readonly IntervalUnit[], opts: BootstrapOptions = {}): Bounds =>
  bootstrapWeighted(intervalAlphaSample(units), opts);

/**
 * Reference implementation through the coincidence matrix, straight from Krippendorff (2011):
 * `data` is units × coders, null where a coder gave no value. For tests, and for metrics the
 * sufficient statistics above do not cover.
 */
export function alphaFromMatrix(
  data: readonly (readonly (number | null)[])[],
  metric: 'interval' | 'nominal',
): number | null {
  const delta2 = (c: number, k: number) => (metric === 'nominal' ? (c === k ? 0 : 1) : (c - k) ** 2);
  // Coincidences o_ck, keyed by value pair.
  const o = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, x: number) => {
    const row = o.get(c) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + x);
    o.set(c, row);
  };
  for (const unit of data) {
    const values = unit.filter((v): v is number => v !== null);
    const m = values.length;
    if (m < 2) continue;
    values.forEach((c, i) => {
      values.forEach((k, j) => {
        if (i !== j) add(c, k, 1 / (m - 1));
      });
    });
  }
  const marginals = [...o].map(([c, row]) => [c, [...row.values()].reduce((a, b) => a + b, 0)] as const);
  const n = marginals.reduce((a, [, nc]) => a + nc, 0);
  let observed = 0;
  for (const [c, row] of o) for (const [k, x] of row) observed += x * delta2(c, k);
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) expected += nc * nk * delta2(c, k);
  if (n < 2 || expected === 0) return null;
  return finiteOrNull(1 - observed / n / (expected / (n * (n - 1))));
}
