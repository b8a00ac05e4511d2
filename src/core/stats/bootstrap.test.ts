import { describe, expect, it } from 'vitest';
import { seededBinomial } from './binomial-draw.js';
import {
  bootstrapFromHistogram,
  bootstrapRatioUnits,
  bootstrapUnits,
  bootstrapWeighted,
  expandUnits,
  meanSample,
  observed,
  percentileInterval,
  percentileSample,
  resampleStatistics,
} from './bootstrap.js';
import { tInterval } from './mean.js';
import { weightedMean } from './weighted.js';

const values = [1, 2, 3, 4, 5];
const counts = [200, 300, 1000, 1500, 2000];

describe('resampleStatistics', () => {
  it('draws n = Σ counts units every time, and each item about its count on average', () => {
    const totals: number[] = [];
    const sums = [0, 0, 0, 0, 0];
    resampleStatistics(
      {
        items: values,
        counts,
        statistic: (_, w) => {
          totals.push(w.reduce((a, b) => a + b, 0));
          w.forEach((x, i) => {
            sums[i]! += x;
          });
          return 0;
        },
      },
      seededBinomial(1),
      2000,
    );
    expect(new Set(totals)).toEqual(new Set([5000]));
    sums.forEach((s, i) => {
      expect(s / 2000).toBeCloseTo(counts[i]!, -1); // within ±5 of the count
    });
  });

  it('never draws an item with count 0, and gives no resamples for an empty sample', () => {
    const seen: number[] = [];
    resampleStatistics(
      { items: [1, 2, 3], counts: [4, 0, 5], statistic: (_, w) => seen.push(w[1]!) },
      seededBinomial(1),
      50,
    );
    expect(new Set(seen)).toEqual(new Set([0]));
    expect(
      resampleStatistics({ items: [1], counts: [0], statistic: () => 1 }, seededBinomial(1), 10),
    ).toEqual([]);
    expect(() =>
      resampleStatistics({ items: [1], counts: [1.5], statistic: () => 1 }, seededBinomial(1), 1),
    ).toThrow();
  });
});

describe('bootstrapFromHistogram', () => {
  it('reproduces exactly with the same seed and differs with another', () => {
    const a = bootstrapFromHistogram(values, counts, weightedMean);
    const b = bootstrapFromHistogram(values, counts, weightedMean, { seed: 1, resamples: 2000 });
    const c = bootstrapFromHistogram(values, counts, weightedMean, { seed: 2 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('does not depend on the order the histogram is listed in', () => {
    const a = bootstrapFromHistogram(values, counts, weightedMean);
    const b = bootstrapFromHistogram([...values].reverse(), [...counts].reverse(), weightedMean);
    expect(b).toEqual(a);
  });

  it('agrees with the t interval for the mean of a big sample', () => {
    const n = counts.reduce((s, c) => s + c, 0);
    const mean = weightedMean(values, counts);
    const variance = values.reduce((s, v, i) => s + counts[i]! * (v - mean) ** 2, 0) / (n - 1);
    const t = tInterval({ n, mean, sd: Math.sqrt(variance) });
    const boot = bootstrapFromHistogram(values, counts, weightedMean);
    const half = (t.high! - t.low!) / 2;
    expect(Math.abs(boot.low! - t.low!)).toBeLessThan(0.1 * half);
    expect(Math.abs(boot.high! - t.high!)).toBeLessThan(0.1 * half);
  });

  it('gives a percentile interval around the observed 90th percentile', () => {
    const handle = [60, 120, 180, 240, 300, 600, 900];
    const many = [50, 200, 300, 200, 150, 80, 20];
    const r = bootstrapWeighted(percentileSample(handle, many, 0.9));
    expect(r.low).toBeLessThanOrEqual(600);
    expect(r.high).toBeGreaterThanOrEqual(300);
  });

  it('gives nulls for an empty sample', () => {
    expect(bootstrapFromHistogram([], [], weightedMean)).toEqual({ low: null, high: null });
    expect(bootstrapWeighted(meanSample([3], [0]))).toEqual({ low: null, high: null });
  });
});

describe('bootstrapUnits and bootstrapRatioUnits', () => {
  it('resamples units with replacement: the weighted mean equals the mean of the expanded resample', () => {
    const units = [3, 1, 4, 1, 5, 9, 2, 6];
    const byWeights = bootstrapUnits(units, weightedMean, { resamples: 300 });
    const byExpansion = bootstrapUnits(
      units,
      (u, w) => {
        const sample = expandUnits(u, w);
        return sample.reduce((a, b) => a + b, 0) / sample.length;
      },
      { resamples: 300 },
    );
    expect(byExpansion.low).toBeCloseTo(byWeights.low!, 12);
    expect(byExpansion.high).toBeCloseTo(byWeights.high!, 12);
  });

  it('bootstraps a ratio of sums, and a ratio with b = 1 is the histogram mean', () => {
    const r = bootstrapRatioUnits(values.map((v, i) => ({ a: v, b: 1, count: counts[i]! })));
    expect(r).toEqual(bootstrapFromHistogram(values, counts, weightedMean));
  });
});

describe('percentileInterval', () => {
  it('takes type-7 quantiles at 2.5% and 97.5% and ignores undefined statistics', () => {
    const stats = Array.from({ length: 41 }, (_, i) => i); // h = 40 * 0.025 = 1, 40 * 0.975 = 39
    expect(percentileInterval([...stats, Number.NaN])).toEqual({ low: 1, high: 39 });
    expect(percentileInterval([Number.NaN])).toEqual({ low: null, high: null });
  });
});

describe('the percentile resampler', () => {
  it('finds the observed percentile when every draw is its expected count', () => {
    const values = [90, 100, 180, 240, 600, 1200];
    const counts = [3, 7, 11, 5, 2, 1];
    const exactDraw = (n: number, q: number) => Math.round(n * q);
    for (const p of [0.1, 0.5, 0.9, 0.99]) {
      const sample = percentileSample(values, counts, p);
      expect(sample.resample?.(exactDraw, 3)).toEqual([observed(sample), observed(sample), observed(sample)]);
    }
  });

  it('resamples the same distribution as the generic multinomial walk', () => {
    const values = Array.from({ length: 300 }, (_, i) => 60 + i * 3);
    const counts = values.map((_, i) => 1 + ((i * 37) % 11));
    const fast = percentileSample(values, counts, 0.9);
    const generic = { ...fast, resample: undefined };
    const a = bootstrapWeighted(fast);
    const b = bootstrapWeighted(generic);
    expect(Math.abs((a.low ?? 0) - (b.low ?? 0))).toBeLessThan(8);
    expect(Math.abs((a.high ?? 0) - (b.high ?? 0))).toBeLessThan(8);
  });
});
