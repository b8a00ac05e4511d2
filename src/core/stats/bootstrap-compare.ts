/**
 * Bootstrap comparison of a metric between two independent samples (or against a written
 * number): the difference current - baseline, its percentile interval, and a two-sided
 * bootstrap p-value.
 *
 * One generator (seed 1 by default) draws all current resamples first, then all baseline
 * resamples, so the current side reproduces its own bootstrap interval exactly and the two
 * sides are independent even when they hold the same data. Resample r of the difference is
 * current statistic r - baseline statistic r; pairs with an undefined side are left out.
 *
 * p-value: with D the finite resampled differences (the resampled statistic minus the number,
 * against a written number), p = 2 min(#{d <= 0}, #{d >= 0}) / |D|, bounded to [1/|D|, 1].
 * It is the smallest alpha whose (1 - alpha) percentile interval reaches 0, so p < 0.05 goes
 * with a 95% interval that excludes 0; 1/|D| is the resolution, not an exact 0.
 */

import { seededBinomial } from './binomial-draw.js';
import {
  BOOTSTRAP_RESAMPLES,
  BOOTSTRAP_SEED,
  type BootstrapOptions,
  observed,
  percentileInterval,
  resampleStatistics,
  type WeightedSample,
} from './bootstrap.js';
import { type Comparison, finiteOrNull } from './types.js';

/** Two-sided bootstrap p-value of `statistics` against `nullValue` (see the module comment). */
export function bootstrapTwoSidedP(statistics: readonly number[], nullValue = 0): number | null {
  let finite = 0;
  let atOrBelow = 0;
  let atOrAbove = 0;
  for (const s of statistics) {
    if (!Number.isFinite(s)) continue;
    finite++;
    if (s <= nullValue) atOrBelow++;
    if (s >= nullValue) atOrAbove++;
  }
  if (finite === 0) return null;
  return Math.min(1, Math.max(1 / finite, (2 * Math.min(atOrBelow, atOrAbove)) / finite));
}

/** Bootstrap difference of a statistic: current sample minus a baseline sample or number. */
export function bootstrapDifference<A, B>(
  current: WeightedSample<A>,
  baseline: WeightedSample<B> | number,
  opts: BootstrapOptions = {},
): Comparison {
  const resamples = opts.resamples ?? BOOTSTRAP_RESAMPLES;
  const draw = seededBinomial(opts.seed ?? BOOTSTRAP_SEED);
  const currentStats = resampleStatistics(current, draw, resamples);
  const baselineStats = typeof baseline === 'number' ? null : resampleStatistics(baseline, draw, resamples);
  const baselineValue = typeof baseline === 'number' ? baseline : observed(baseline);
  const difference = finiteOrNull(observed(current) - baselineValue);

  // Against a number, the resampled differences are the resampled statistic minus the number.
  const differences = currentStats.map((s, r) =>
    baselineStats === null ? s - baselineValue : s - (baselineStats[r] ?? Number.NaN),
  );
  // An empty side resamples nothing: no finite differences, so null interval and p.
  const interval = percentileInterval(differences);
  return {
    difference,
    differenceLow: interval.low,
    differenceHigh: interval.high,
    p: bootstrapTwoSidedP(differences, 0),
  };
}
