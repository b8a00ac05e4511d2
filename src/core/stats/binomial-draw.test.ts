import { describe, expect, it } from 'vitest';
import { seededBinomial } from './binomial-draw.js';

/** Mean and variance of `draws` variates. */
function moments(draw: () => number, draws: number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < draws; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / draws;
  return { mean, variance: squares / draws - mean * mean };
}

describe('seededBinomial', () => {
  // Each case sits in one branch: inversion (n q < 10), rejection (n q >= 10), and p > 0.5.
  const cases: [number, number][] = [
    [20000, 1 / 20000],
    [20000, 0.0004],
    [50, 0.1],
    [1000, 0.3],
    [40, 0.95],
    [3, 0.5],
  ];
  for (const [n, p] of cases) {
    it(`has the binomial mean and variance for n = ${n}, p = ${p}`, () => {
      const draw = seededBinomial(7);
      const draws = 40000;
      const { mean, variance } = moments(() => draw(n, p), draws);
      const sd = Math.sqrt(n * p * (1 - p));
      // The sample mean is within 5 standard errors; the variance within 5%.
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws));
      expect(variance / (n * p * (1 - p))).toBeCloseTo(1, 1);
    });
  }

  it('matches the binomial pmf in the inversion branch (chi-square, 9 cells)', () => {
    const n = 12;
    const p = 0.3; // n p = 3.6
    const draw = seededBinomial(11);
    const draws = 50000;
    const observed = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) observed[draw(n, p)]! += 1;
    const choose = (k: number) => {
      let c = 1;
      for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
      return c;
    };
    let chi2 = 0;
    let tailObserved = 0;
    let tailExpected = 0;
    for (let k = 0; k <= n; k++) {
      const expected = draws * choose(k) * p ** k * (1 - p) ** (n - k);
      if (k >= 8) {
        tailObserved += observed[k]!;
        tailExpected += expected;
      } else chi2 += (observed[k]! - expected) ** 2 / expected;
    }
    chi2 += (tailObserved - tailExpected) ** 2 / tailExpected;
    expect(chi2).toBeLessThan(26.1); // chi-square 0.999 quantile with 8 df
  });

  it('is deterministic per seed and handles the edges', () => {
    const a = seededBinomial(1);
    const b = seededBinomial(1);
    const xs = Array.from({ length: 20 }, () => a(100, 0.03));
    expect(Array.from({ length: 20 }, () => b(100, 0.03))).toEqual(xs);
    expect(a(0, 0.5)).toBe(0);
    expect(a(9, 0)).toBe(0);
    expect(a(9, 1)).toBe(9);
    expect(() => seededBinomial(0)).toThrow(RangeError);
  });

  it('draws quickly when the mean is small and n is large', () => {
    const draw = seededBinomial(1);
    const start = performance.now();
    for (let i = 0; i < 100000; i++) draw(1_000_000, 2e-6);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
