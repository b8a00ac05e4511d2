/**
 * Seeded percentile bootstrap over a compact weighted sample, per metrics.md: 2000 resamples
 * of the metric's units, seed 1, so a result reproduces exactly.
 *
 * A sample is a list of distinct items (a value, or a unit's record) with counts: how many
 * of the metric's units carry each. Drawing n = Σ counts units with replacement is one
 * multinomial draw of new counts, done as sequential conditional binomials (item i gets
 * Binomial(units left, count_i / count mass left)) from one MT19937 stream seeded with
 * `seed` (see binomial-draw.ts). The statistic is then evaluated on the items with the new
 * counts as weights, so no per-row data is ever needed.
 *
 * Interval: type-7 quantiles (see quantileType7) at 0.025 and 0.975 of the resampled
 * statistics. Resamples whose statistic is undefined (NaN, e.g. a ratio whose denominator
 * drew 0) are left out; with none left, or an empty sample, the bounds are null.
 */
import { type BinomialDraw, seededBinomial } from './binomial-draw.js';
import { type Bounds, bounds, NO_BOUNDS } from './types.js';
import { quantileType7, weightedMean, weightedPercentile, weightedRatio } from './weighted.js';

export const BOOTSTRAP_RESAMPLES = 2000;
export const BOOTSTRAP_SEED = 1;

export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  resamples?: number;
  /** MT19937 seed, a positive integer (default 1). */
  seed?: number;
}

/** A statistic of items weighted by how many units carry each; NaN when undefined. */
export type WeightedStatistic<T> = (items: readonly T[], weights: readonly number[]) => number;

/**
 * A sample in compact form: distinct items, their unit counts, and the metric's statistic.
 * `statistic` is a method so a sample of any item type fits `WeightedSample<unknown>`, the
 * form compare.ts accepts (the sample only ever calls it with its own items).
 */
export interface WeightedSample<T> {
  items: readonly T[];
  counts: readonly number[];
  statistic(items: readonly T[], weights: readonly number[]): number;
  /** A faster way to the resampled statistics, equal in distribution (percentiles use one). */
  resample?(draw: BinomialDraw, resamples: number): number[];
}

/** The statistic of the sample as observed (weights = counts). */
export const observed = <T>(sample: WeightedSample<T>): number =>
  sample.statistic(sample.items, sample.counts);

/**
 * `resamples` values of the statistic on multinomial resamples of the sample, drawn from
 * `draw` in order (so two samples drawn one after the other from one generator are
 * independent and still reproducible). Undefined statistics are kept as NaN.
 */
export function resampleStatistics<T>(
  sample: WeightedSample<T>,
  draw: BinomialDraw,
  resamples: number,
): number[] {
  if (sample.resample) return sample.resample(draw, resamples);
  const { items, counts, statistic } = sample;
  if (items.length !== counts.length) throw new RangeError('a weighted sample needs one count per item');
  let total = 0;
  for (const c of counts) {
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`counts must be non-negative integers, got ${c}`);
    total += c;
  }
  const out: number[] = [];
  if (total === 0) return out;
  for (let r = 0; r < resamples; r++) {
    const weights = new Array<number>(counts.length);
    let unitsLeft = total;
    let massLeft = total;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      // Zero counts and exhausted draws consume no randomness; the last item takes the rest.
      const x = c === 0 || unitsLeft === 0 ? 0 : c >= massLeft ? unitsLeft : draw(unitsLeft, c / massLeft);
      weights[i] = x;
      unitsLeft -= x;
      massLeft -= c;
    }
    out.push(statistic(items, weights));
  }
  return out;
}

/** 2.5% and 97.5% type-7 quantiles of the finite statistics; null when there are none. */
export function percentileInterval(statistics: readonly number[]): Bounds {
  const sorted = statistics.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NO_BOUNDS;
  return bounds(quantileType7(sorted, 0.025), quantileType7(sorted, 0.975));
}

/** Percentile bootstrap interval of a weighted sample's statistic. */
export function bootstrapWeighted<T>(sample: WeightedSample<T>, opts: BootstrapOptions = {}): Bounds {
  const draw = seededBinomial(opts.seed ?? BOOTSTRAP_SEED);
  return percentileInterval(resampleStatistics(sample, draw, opts.resamples ?? BOOTSTRAP_RESAMPLES));
}

/**
 * A numeric histogram as a sample: the pairs are sorted by value first, so statistics see
 * ascending values (a percentile then needs no sort) and the draw order does not depend on
 * the order the caller listed the values in.
 */
export function histogramSample(
  values: readonly number[],
  counts: readonly number[],
  statistic: WeightedStatistic<number>,
): WeightedSample<number> {
  if (values.length !== counts.length) throw new RangeError('a histogram needs one count per value');
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  return { items: order.map((i) => values[i]!), counts: order.map((i) => counts[i]!), statistic };
}

/** Percentile bootstrap of a statistic of values with counts (a histogram of the units). */
export function bootstrapFromHistogram(
  values: readonly number[],
  counts: readonly number[],
  statistic: WeightedStatistic<number>,
  opts: BootstrapOptions = {},
): Bounds {
  return bootstrapWeighted(histogramSample(values, counts, statistic), opts);
}

/** Mean of a histogram (e.g. revenue per contact, with value 0 for contacts without revenue). */
export const meanSample = (values: readonly number[], counts: readonly number[]): WeightedSample<number> =>
  histogramSample(values, counts, weightedMean);

/**
 * Continuous percentile p (type 7) of a histogram, e.g. handle_p90 with p = 0.9. A
 * resample only needs the two order statistics around rank (n - 1)p, so the multinomial is
 * drawn from the end nearer to them and stops once both are placed: for p = 0.9 it draws
 * the top of the distribution only (the same multinomial, item order reversed).
 */
export function percentileSample(
  values: readonly number[],
  counts: readonly number[],
  p: number,
): WeightedSample<number> {
  const sample = histogramSample(values, counts, (v, w) => weightedPercentile(v, w, p));
  return {
    ...sample,
    resample: (draw, resamples) => percentileResamples(sample.items, sample.counts, p, draw, resamples),
  };
}

function percentileResamples(
  values: readonly number[],
  counts: readonly number[],
  p: number,
  draw: BinomialDraw,
  resamples: number,
): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return [];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const fromTop = p > 0.5;
  // Ranks counted from the end the walk starts at.
  const [first, second] = fromTop ? [n - 1 - hi, n - 1 - lo] : [lo, hi];
  const order = values.map((_, i) => (fromTop ? values.length - 1 - i : i));
  const out: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let unitsLeft = n;
    let massLeft = n;
    let seen = 0;
    let a: number | undefined;
    let b: number | undefined;
    for (const i of order) {
      const c = counts[i]!;
      const x = c === 0 || unitsLeft === 0 ? 0 : c >= massLeft ? unitsLeft : draw(unitsLeft, c / massLeft);
      if (x > 0) {
        if (a === undefined && first < seen + x) a = values[i]!;
        if (second < seen + x) {
          b = values[i]!;
          break;
        }
      }
      seen += x;
      unitsLeft -= x;
      massLeft -= c;
    }
    const [vLo, vHi] = fromTop ? [b as number, a as number] : [a as number, b as number];
    out.push(vLo + (h - lo) * (vHi - vLo));
  }
  return out;
}

/** A unit carrying two values, for ratios Σa / Σb; `count` units share the same (a, b). */
export interface RatioUnit {
  a: number;
  b: number;
  count: number;
}

/** Ratio Σ a / Σ b over units, resampling units. */
export function ratioSample(units: readonly RatioUnit[]): WeightedSample<RatioUnit> {
  return {
    items: units,
    counts: units.map((u) => u.count),
    statistic: (items, weights) =>
      weightedRatio(
        items.map((u) => u.a),
        items.map((u) => u.b),
        weights,
      ),
  };
}

/** Percentile bootstrap of Σ a / Σ b over units. */
export const bootstrapRatioUnits = (units: readonly RatioUnit[], opts: BootstrapOptions = {}): Bounds =>
  bootstrapWeighted(ratioSample(units), opts);

/**
 * Percentile bootstrap over a small list of units (e.g. calibration units for Krippendorff's
 * alpha), each drawn with replacement: every unit has count 1 and the statistic receives how
 * often each unit was drawn as its weight (use `expandUnits` for the plain resample).
 */
export function bootstrapUnits<T>(
  units: readonly T[],
  statistic: WeightedStatistic<T>,
  opts: BootstrapOptions = {},
): Bounds {
  return bootstrapWeighted({ items: units, counts: units.map(() => 1), statistic }, opts);
}

/** The resample as a list: each unit repeated `weight` times. */
export function expandUnits<T>(units: readonly T[], weights: readonly number[]): T[] {
  const out: T[] = [];
  units.forEach((u, i) => {
    for (let k = 0; k < weights[i]!; k++) out.push(u);
  });
  return out;
}
