import { describe, expect, it } from 'vitest';
import {
  alphaFromMatrix,
  bootstrapIntervalAlpha,
  intervalAlpha,
  intervalUnit,
  type NominalUnit,
  nominalAlpha,
} from './krippendorff.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the reliability data
// matrix of 4 observers × 12 units, values 1..5, `null` where the paper has `*`.
// Published: nominal alpha 0.743, interval alpha 0.849.
const _ = null;
const coders: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _], // A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3], // B
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _], // C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _], // D
];
/** units × coders, the orientation alphaFromMatrix takes. */
const transpose = (m: (number | null)[][]) => m[0]!.map((_, u) => m.map((row) => row[u]!));
const units = transpose(coders);
const present = (unit: (number | null)[]) => unit.filter((v): v is number => v !== null);

const nominalUnits = (data: (number | null)[][]): NominalUnit[] =>
  data.map((unit) => {
    const counts = new Map<number, number>();
    for (const v of present(unit)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return { counts };
  });

describe("Krippendorff's alpha, Krippendorff (2011) example", () => {
  it('reference implementation gives interval 0.849 and nominal 0.743', () => {
    expect(alphaFromMatrix(units, 'interval')).toBeCloseTo(0.849, 3);
    expect(alphaFromMatrix(units, 'nominal')).toBeCloseTo(0.743, 3);
  });

  it('sufficient statistics give the same alphas as the coincidence matrix', () => {
    const interval = intervalAlpha(units.map((u) => intervalUnit(present(u))));
    expect(interval).toBeCloseTo(alphaFromMatrix(units, 'interval')!, 12);
    expect(nominalAlpha(nominalUnits(units))).toBeCloseTo(alphaFromMatrix(units, 'nominal')!, 12);
  });
});

describe('sufficient statistics against the reference on random data', () => {
  it('agree for interval and nominal alpha', () => {
    let state = 7;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let trial = 0; trial < 50; trial++) {
      const data = Array.from({ length: 3 + Math.floor(random() * 15) }, () => {
        const truth = 1 + Math.floor(random() * 5);
        return Array.from({ length: 4 }, () =>
          random() < 0.25 ? null : Math.max(1, Math.min(5, truth + Math.round((random() - 0.5) * 2.4))),
        );
      });
      const reference = alphaFromMatrix(data, 'interval');
      const fromSums = intervalAlpha(data.map((u) => intervalUnit(present(u))));
      if (reference === null) expect(fromSums).toBeNull();
      else expect(fromSums).toBeCloseTo(reference, 10);
      const nominalReference = alphaFromMatrix(data, 'nominal');
      const nominal = nominalAlpha(nominalUnits(data));
      if (nominalReference === null) expect(nominal).toBeNull();
      else expect(nominal).toBeCloseTo(nominalReference, 10);
    }
  });
});

describe('undefined alpha', () => {
  it('is null without pairable values or without variation', () => {
    expect(intervalAlpha([intervalUnit([3])])).toBeNull();
    expect(intervalAlpha([intervalUnit([3, 3]), intervalUnit([3, 3, 3])])).toBeNull();
    expect(
      alphaFromMatrix(
        [
          [3, 3],
          [3, null],
        ],
        'interval',
      ),
    ).toBeNull();
    expect(alphaFromMatrix([[1, null]], 'nominal')).toBeNull();
  });
});

describe('bootstrapIntervalAlpha', () => {
  it('resamples units reproducibly and brackets the point value', () => {
    const sums = units.map((u) => intervalUnit(present(u)));
    const a = bootstrapIntervalAlpha(sums);
    expect(a).toEqual(bootstrapIntervalAlpha(sums, { seed: 1 }));
    expect(a).not.toEqual(bootstrapIntervalAlpha(sums, { seed: 3 }));
    expect(a.low).toBeLessThan(0.849);
    expect(a.high).toBeGreaterThan(0.849);
    expect(a.high).toBeLessThanOrEqual(1);
  });
});
