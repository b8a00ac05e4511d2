import { describe, expect, it } from 'vitest';
import { differenceFromShare, newcombe, scoreTest, twoProportionZTest, wilson } from './proportion.js';

describe('wilson', () => {
  it('gives 0.5699 to 0.9341 for 13 of 16', () => {
    const w = wilson(13, 16);
    expect(w.low).toBeCloseTo(0.5699, 4);
    expect(w.high).toBeCloseTo(0.9341, 4);
  });

  it('stays inside [0, 1] at the edges (0/10 -> 0 to 0.2775, 10/10 -> 0.7225 to 1)', () => {
    expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.2775, 4) });
    expect(wilson(10, 10)).toEqual({ low: expect.closeTo(0.7225, 4), high: 1 });
  });

  it('gives nulls for n = 0 and rejects impossible counts', () => {
    expect(wilson(0, 0)).toEqual({ low: null, high: null });
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(1.5, 2)).toThrow(RangeError);
  });
});

describe('newcombe (method 10)', () => {
  // Newcombe RG, Statistics in Medicine 1998;17:873-890, Table II, method 10
  // (score interval without continuity correction), 4 decimals.
  const table2: [number, number, number, number, number, number][] = [
    [56, 70, 48, 80, 0.0524, 0.3339], // (a) difference 0.2000
    [9, 10, 3, 10, 0.1705, 0.809], // (b)
    [6, 7, 2, 7, 0.0582, 0.8062], // (c)
    [5, 56, 0, 29, -0.0381, 0.1926], // (d)
    [0, 10, 0, 20, -0.1611, 0.2775], // (e)
    [0, 10, 0, 10, -0.2775, 0.2775], // (f)
    [10, 10, 0, 20, 0.6791, 1], // (g)
    [10, 10, 0, 10, 0.6075, 1], // (h)
  ];
  for (const [k1, n1, k2, n2, low, high] of table2) {
    it(`${k1}/${n1} - ${k2}/${n2} -> ${low} to ${high}`, () => {
      const r = newcombe(k1, n1, k2, n2);
      expect(r.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
      expect(r.low).toBeCloseTo(low, 4);
      expect(r.high).toBeCloseTo(high, 4);
    });
  }

  it('gives nulls when either side has n = 0', () => {
    expect(newcombe(1, 2, 0, 0)).toEqual({ difference: null, low: null, high: null });
  });
});

describe('twoProportionZTest', () => {
  it('matches the hand computation for 56/70 vs 48/80', () => {
    // pooled p = 104/150; se = sqrt(p(1-p)(1/70 + 1/80)) = 0.075467; z = 0.2 / se = 2.65017.
    // Two-sided p = 0.0080451, the same as the uncorrected chi-square (7.0234 = z²) on the 2x2 table.
    const r = twoProportionZTest(56, 70, 48, 80);
    expect(r.z).toBeCloseTo(2.6501719512585, 9);
    expect(r.p).toBeCloseTo(0.0080450813682, 9);
  });

  it('is symmetric and gives p = 1 when both shares are all-or-nothing alike', () => {
    expect(twoProportionZTest(48, 80, 56, 70).z).toBeCloseTo(-2.6501719512585, 9);
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(5, 5, 7, 7)).toEqual({ z: 0, p: 1 });
    expect(twoProportionZTest(1, 2, 0, 0)).toEqual({ z: null, p: null });
  });
});

describe('scoreTest against a written share', () => {
  it('matches the hand computation for 13/16 vs 0.5', () => {
    // z = (0.8125 - 0.5) / sqrt(0.25 / 16) = 0.3125 / 0.125 = 2.5; p = 2 (1 - Phi(2.5)) = 0.0124193.
    const r = scoreTest(13, 16, 0.5);
    expect(r.z).toBeCloseTo(2.5, 12);
    expect(r.p).toBeCloseTo(0.0124193306516, 9);
  });

  it('agrees with the Wilson interval: p0 on a Wilson bound gives p = 0.05', () => {
    const w = wilson(13, 16);
    expect(scoreTest(13, 16, w.high!).p).toBeCloseTo(0.05, 9);
    expect(scoreTest(13, 16, w.low!).p).toBeCloseTo(0.05, 9);
  });

  it('handles p0 of 0 or 1 and n = 0 without NaN', () => {
    expect(scoreTest(0, 10, 0)).toEqual({ z: null, p: 1 });
    expect(scoreTest(1, 10, 0)).toEqual({ z: null, p: 0 });
    expect(scoreTest(0, 0, 0.5)).toEqual({ z: null, p: null });
  });

  it('shifts the Wilson interval by p0 for the difference', () => {
    const d = differenceFromShare(13, 16, 0.5);
    expect(d.difference).toBeCloseTo(0.3125, 12);
    expect(d.low).toBeCloseTo(0.0699, 4);
    expect(d.high).toBeCloseTo(0.4341, 4);
  });
});
