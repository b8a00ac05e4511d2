import { describe, expect, it } from 'vitest';
import { bootstrapWeighted, meanSample } from './bootstrap.js';
import { bootstrapDifference } from './bootstrap-compare.js';
import { compare, estimate, type Measured, pointValue } from './compare.js';
import { intervalAlphaSample, intervalUnit } from './krippendorff.js';
import { oneSampleT, tInterval, welch } from './mean.js';
import { newcombe, scoreTest, twoProportionZTest, wilson } from './proportion.js';

const share = (k: number, n: number): Measured => ({ kind: 'share', k, n });
const mean = (n: number, m: number, sd: number): Measured => ({ kind: 'mean', n, mean: m, sd });

describe('compare: shares (wilson)', () => {
  it('uses Newcombe and the pooled z-test against a measured baseline', () => {
    const r = compare('wilson', share(56, 70), share(48, 80));
    const d = newcombe(56, 70, 48, 80);
    expect(r).toEqual({
      difference: d.difference,
      differenceLow: d.low,
      differenceHigh: d.high,
      p: twoProportionZTest(56, 70, 48, 80).p,
    });
    expect(r.differenceLow).toBeCloseTo(0.0524, 4);
    expect(r.differenceHigh).toBeCloseTo(0.3339, 4);
    expect(r.p).toBeCloseTo(0.008045, 6);
  });

  it('uses the Wilson interval and the score test against a written number', () => {
    const r = compare('wilson', share(13, 16), 0.5);
    const w = wilson(13, 16);
    expect(r.difference).toBeCloseTo(0.3125, 12);
    expect(r.differenceLow).toBeCloseTo(w.low! - 0.5, 12);
    expect(r.differenceHigh).toBeCloseTo(w.high! - 0.5, 12);
    expect(r.p).toBe(scoreTest(13, 16, 0.5).p);
  });

  it('gives nulls for an empty share', () => {
    expect(compare('wilson', share(0, 0), share(3, 10))).toEqual({
      difference: null,
      differenceLow: null,
      differenceHigh: null,
      p: null,
    });
  });
});

describe('compare: means (student_t)', () => {
  it('uses Welch against a measured baseline and the one-sample t against a number', () => {
    const a = { n: 10, mean: 20, sd: 4 };
    const b = { n: 15, mean: 17, sd: 6 };
    const w = welch(a, b);
    expect(compare('student_t', { kind: 'mean', ...a }, { kind: 'mean', ...b })).toEqual({
      difference: w.difference,
      differenceLow: w.low,
      differenceHigh: w.high,
      p: w.p,
    });
    const t = oneSampleT(a, 18);
    expect(compare('student_t', { kind: 'mean', ...a }, 18)).toEqual({
      difference: t.difference,
      differenceLow: t.low,
      differenceHigh: t.high,
      p: t.p,
    });
  });
});

describe('compare: bootstrap', () => {
  it('uses the bootstrap difference, for samples of any item type', () => {
    const a = meanSample([1, 2, 3], [5, 10, 20]);
    const b = meanSample([1, 2, 3], [10, 10, 10]);
    expect(compare('bootstrap', { kind: 'bootstrap', sample: a }, { kind: 'bootstrap', sample: b })).toEqual(
      bootstrapDifference(a, b),
    );
    expect(compare('bootstrap', { kind: 'bootstrap', sample: a }, 2)).toEqual(bootstrapDifference(a, 2));
    const alpha = intervalAlphaSample([
      intervalUnit([1, 1, 2]),
      intervalUnit([3, 3]),
      intervalUnit([5, 4, 5]),
    ]);
    const r = compare('bootstrap', { kind: 'bootstrap', sample: alpha }, 0.8);
    expect(r.difference).not.toBeNull();
  });
});

describe('compare: none', () => {
  it('gives the point difference only', () => {
    expect(compare('none', { kind: 'value', value: 120 }, { kind: 'value', value: 100 })).toEqual({
      difference: 20,
      differenceLow: null,
      differenceHigh: null,
      p: null,
    });
    expect(compare('none', share(1, 4), 0.5).difference).toBe(-0.25);
  });
});

describe('compare and estimate reject statistics that do not fit the method', () => {
  it('throws a TypeError', () => {
    expect(() => compare('wilson', mean(3, 1, 1), 0.5)).toThrow(TypeError);
    expect(() => compare('student_t', mean(3, 1, 1), share(1, 2))).toThrow(TypeError);
    expect(() => estimate('bootstrap', share(1, 2))).toThrow(TypeError);
  });
});

describe('estimate', () => {
  it('gives the value and its interval by method', () => {
    expect(estimate('wilson', share(13, 16))).toEqual({ value: 13 / 16, ...wilson(13, 16) });
    expect(estimate('student_t', mean(16, 3.5, 1.2))).toEqual({
      value: 3.5,
      ...tInterval({ n: 16, mean: 3.5, sd: 1.2 }),
    });
    const sample = meanSample([1, 2, 3], [5, 10, 20]);
    expect(estimate('bootstrap', { kind: 'bootstrap', sample })).toEqual({
      value: pointValue({ kind: 'bootstrap', sample }),
      ...bootstrapWeighted(sample),
    });
    expect(estimate('none', { kind: 'value', value: 7 })).toEqual({ value: 7, low: null, high: null });
    expect(estimate('wilson', share(0, 0))).toEqual({ value: null, low: null, high: null });
  });
});
