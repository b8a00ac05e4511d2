import { describe, expect, it } from 'vitest';
import { quantileType7, weightedMean, weightedPercentile, weightedRatio } from './weighted.js';

/** Deterministic pseudo-random integers for the property checks (a plain LCG). */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const expand = (values: number[], weights: number[]) =>
  values.flatMap((v, i) => new Array<number>(weights[i]!).fill(v)).sort((a, b) => a - b);

describe('quantileType7', () => {
  it('matches R quantile(type = 7): 1..10 at 0.9 is 9.1, at 0.25 is 3.25', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileType7(x, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileType7(x, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileType7(x, 0)).toBe(1);
    expect(quantileType7(x, 1)).toBe(10);
    expect(quantileType7([7], 0.5)).toBe(7);
    expect(quantileType7([], 0.5)).toBeNaN();
  });
});

describe('weightedPercentile', () => {
  it('equals the type-7 percentile of the expanded values', () => {
    const random = lcg(42);
    for (let trial = 0; trial < 200; trial++) {
      const k = 1 + Math.floor(random() * 12);
      const values = Array.from({ length: k }, () => Math.round(random() * 1000) / 10);
      const weights = Array.from({ length: k }, () => Math.floor(random() * 5));
      if (weights.reduce((a, b) => a + b, 0) === 0) weights[0] = 1;
      const expanded = expand(values, weights);
      for (const p of [0, 0.1, 0.25, 0.5, 0.9, 0.975, 1]) {
        expect(weightedPercentile(values, weights, p)).toBeCloseTo(quantileType7(expanded, p), 9);
      }
    }
  });

  it('handles repeated values, zero weights and no weight', () => {
    expect(weightedPercentile([10, 20, 30], [0, 3, 0], 0.9)).toBe(20);
    expect(weightedPercentile([30, 10, 20], [1, 1, 2], 0.5)).toBe(20); // expanded 10 20 20 30
    expect(weightedPercentile([30, 10, 20], [1, 1, 2], 0.25)).toBe(17.5); // h = 0.75: 10 + 0.75 * 10
    expect(weightedPercentile([1, 2], [0, 0], 0.5)).toBeNaN();
    expect(() => weightedPercentile([1], [1], 1.5)).toThrow(RangeError);
  });
});

describe('weightedMean and weightedRatio', () => {
  it('equal the plain statistics of the expanded data', () => {
    expect(weightedMean([1, 2, 4], [2, 1, 1])).toBeCloseTo((1 + 1 + 2 + 4) / 4, 12);
    expect(weightedRatio([10, 0], [1, 1], [1, 3])).toBeCloseTo(10 / 4, 12);
    expect(weightedMean([1], [0])).toBeNaN();
    expect(weightedRatio([1], [0], [2])).toBeNaN();
  });
});
