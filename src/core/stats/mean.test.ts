import { describe, expect, it } from 'vitest';
import { oneSampleT, tInterval, welch } from './mean.js';

describe('tInterval', () => {
  it('matches the textbook interval', () => {
    // n = 16, mean 3.5, sd 1.2: 3.5 ± t(0.975, 15) * 1.2 / 4 = 3.5 ± 2.131450 * 0.3.
    const r = tInterval({ n: 16, mean: 3.5, sd: 1.2 });
    expect(r.low).toBeCloseTo(2.8605651364, 7);
    expect(r.high).toBeCloseTo(4.1394348637, 7);
  });

  it('matches the interval of 1..5 (R: t.test(1:5) gives 1.036757 to 4.963243)', () => {
    const r = tInterval({ n: 5, mean: 3, sd: Math.sqrt(2.5) });
    expect(r.low).toBeCloseTo(1.036757, 6);
    expect(r.high).toBeCloseTo(4.963243, 6);
  });

  it('is null for n < 2 or sd = 0', () => {
    expect(tInterval({ n: 1, mean: 3, sd: 0 })).toEqual({ low: null, high: null });
    expect(tInterval({ n: 0, mean: Number.NaN, sd: Number.NaN })).toEqual({ low: null, high: null });
    expect(tInterval({ n: 9, mean: 3, sd: 0 })).toEqual({ low: null, high: null });
  });
});

describe('welch', () => {
  it('matches a hand computation', () => {
    // a: n 10, mean 20, sd 4 -> va = 16/10 = 1.6; b: n 15, mean 17, sd 6 -> vb = 36/15 = 2.4.
    // se = sqrt(1.6 + 2.4) = 2, t = (20 - 17) / 2 = 1.5.
    // df = 4² / (1.6²/9 + 2.4²/14) = 16 / (0.284444 + 0.411429) = 22.992701.
    // t(0.975, 22.9927) = 2.068694, interval 3 ± 4.137388 = -1.137388 to 7.137388,
    // p = 2 P(T > 1.5) = 0.147222 (scipy ttest_ind_from_stats(..., equal_var=False) agrees).
    const r = welch({ n: 10, mean: 20, sd: 4 }, { n: 15, mean: 17, sd: 6 });
    expect(r.difference).toBe(3);
    expect(r.t).toBeCloseTo(1.5, 12);
    expect(r.df).toBeCloseTo(22.992700729927, 9);
    expect(r.low).toBeCloseTo(-1.137387899, 6);
    expect(r.high).toBeCloseTo(7.137387899, 6);
    expect(r.p).toBeCloseTo(0.147221642, 7);
  });

  it('uses the other side alone when one sd is 0 (df = n - 1 of the other)', () => {
    const r = welch({ n: 5, mean: 10, sd: 0 }, { n: 8, mean: 9, sd: 2 });
    expect(r.df).toBeCloseTo(7, 12);
    expect(r.t).toBeCloseTo(1 / (2 / Math.sqrt(8)), 12);
  });

  it('gives nulls but keeps the difference when the test is undefined', () => {
    expect(welch({ n: 1, mean: 4, sd: 0 }, { n: 8, mean: 3, sd: 1 })).toEqual({
      difference: 1,
      low: null,
      high: null,
      t: null,
      df: null,
      p: null,
    });
    expect(welch({ n: 3, mean: 4, sd: 0 }, { n: 3, mean: 4, sd: 0 }).p).toBeNull();
    expect(welch({ n: 0, mean: Number.NaN, sd: 0 }, { n: 3, mean: 4, sd: 1 }).difference).toBeNull();
  });
});

describe('oneSampleT', () => {
  it('matches a hand computation', () => {
    // n 16, mean 3.5, sd 1.2 vs 3: t = 0.5 / (1.2 / 4) = 1.666667, df 15, p = 0.116319.
    const r = oneSampleT({ n: 16, mean: 3.5, sd: 1.2 }, 3);
    expect(r.difference).toBeCloseTo(0.5, 12);
    expect(r.t).toBeCloseTo(5 / 3, 12);
    expect(r.df).toBe(15);
    expect(r.p).toBeCloseTo(0.116319136, 7);
    expect(r.low).toBeCloseTo(2.8605651364 - 3, 7);
    expect(r.high).toBeCloseTo(4.1394348637 - 3, 7);
  });

  it('matches R t.test(1:5, mu = 2): t = 1.4142, p = 0.2302', () => {
    const r = oneSampleT({ n: 5, mean: 3, sd: Math.sqrt(2.5) }, 2);
    expect(r.t).toBeCloseTo(Math.SQRT2, 12);
    expect(r.p).toBeCloseTo(0.2301996411, 7);
  });

  it('is null for sd = 0', () => {
    expect(oneSampleT({ n: 4, mean: 3, sd: 0 }, 3).p).toBeNull();
  });
});
