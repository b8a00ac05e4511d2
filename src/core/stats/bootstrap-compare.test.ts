import { describe, expect, it } from 'vitest';
import { bootstrapWeighted, meanSample, percentileSample } from './bootstrap.js';
import { bootstrapDifference, bootstrapTwoSidedP } from './bootstrap-compare.js';

describe('bootstrapTwoSidedP', () => {
  it('is 2 min(share <= 0, share >= 0), bounded to [1/B, 1], ignoring undefined resamples', () => {
    expect(bootstrapTwoSidedP([-1, 1, 2, 3])).toBe(0.5); // 2 * min(1, 3) / 4
    expect(bootstrapTwoSidedP([-1, 0, 1])).toBe(1); // 2 * min(2, 2) / 3 > 1
    expect(bootstrapTwoSidedP([1, 2, 3, 4, Number.NaN])).toBe(0.25); // none <= 0: 1/B with B = 4
    expect(bootstrapTwoSidedP([5, 6], 5.5)).toBe(1);
    expect(bootstrapTwoSidedP([Number.NaN])).toBeNull();
  });
});

describe('bootstrapDifference', () => {
  const a = meanSample([1, 2, 3, 4, 5], [20, 30, 100, 150, 200]);
  const b = meanSample([1, 2, 3, 4, 5], [60, 80, 120, 100, 140]);

  it('finds a clear difference: interval away from 0, p at its floor 1/2000', () => {
    const r = bootstrapDifference(a, b);
    // means: 1980 / 500 = 3.96 and 1680 / 500 = 3.36
    expect(r.difference).toBeCloseTo(0.6, 12);
    expect(r.differenceLow).toBeGreaterThan(0);
    expect(r.differenceHigh).toBeGreaterThan(r.differenceLow!);
    expect(r.p).toBe(1 / 2000);
  });

  it('finds no difference between two copies of the same data (the sides draw independently)', () => {
    const r = bootstrapDifference(a, a);
    expect(r.difference).toBe(0);
    expect(r.differenceLow).toBeLessThan(0);
    expect(r.differenceHigh).toBeGreaterThan(0);
    expect(r.p).toBeGreaterThan(0.5);
  });

  it('reproduces exactly per seed', () => {
    expect(bootstrapDifference(a, b)).toEqual(bootstrapDifference(a, b, { seed: 1, resamples: 2000 }));
    expect(bootstrapDifference(a, b, { seed: 5 })).not.toEqual(bootstrapDifference(a, b));
  });

  it('against a number shifts the sample’s own bootstrap interval', () => {
    const own = bootstrapWeighted(a);
    const r = bootstrapDifference(a, 4);
    expect(r.difference).toBeCloseTo(-0.04, 12);
    expect(r.differenceLow).toBeCloseTo(own.low! - 4, 12);
    expect(r.differenceHigh).toBeCloseTo(own.high! - 4, 12);
    expect(r.p).toBeGreaterThan(0.05);
  });

  it('keeps p below 0.05 when the 95% interval excludes 0', () => {
    const handleA = percentileSample([100, 200, 300, 400, 500], [30, 40, 50, 40, 20], 0.9);
    const handleB = percentileSample([100, 200, 300, 400, 500], [40, 50, 50, 25, 10], 0.9);
    const r = bootstrapDifference(handleA, handleB);
    const excludesZero = r.differenceLow! > 0 || r.differenceHigh! < 0;
    expect(excludesZero).toBe(r.p! < 0.05);
  });

  it('gives a difference but no interval or p when a side is empty', () => {
    const empty = meanSample([], []);
    expect(bootstrapDifference(a, empty)).toEqual({
      difference: null,
      differenceLow: null,
      differenceHigh: null,
      p: null,
    });
    expect(bootstrapDifference(empty, 3).differenceLow).toBeNull();
  });
});
