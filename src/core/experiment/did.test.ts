import { describe, expect, it } from 'vitest';
import { checkExperiment, experimentWindows, parseFilters } from './definition.js';
import { cellOf, differenceInDifferences, slope, slopeDifference } from './did.js';

describe('difference in differences', () => {
  it('is insufficient when one cell is under the minimum sample, and still shows the effect', () => {
    const cell = (k: number, n: number) => cellOf({ kind: 'share', k, n });
    const e = differenceInDifferences(
      {
        treatedPre: cell(70, 100),
        treatedPost: cell(80, 100),
        controlPre: cell(35, 50),
        controlPost: cell(70, 100),
      },
      100,
    );
    expect(e.insufficient).toBe(true);
    expect(e.effect).toBeCloseTo(0.1, 12);
  });

  it('gives an effect without an interval for a metric with no variance rule', () => {
    const c = cellOf({ kind: 'ratio', value: 2, n: 500 });
    const e = differenceInDifferences({ treatedPre: c, treatedPost: c, controlPre: c, controlPost: c });
    expect(e).toMatchObject({ effect: 0, low: null, high: null, p: null, insufficient: false });
  });
});

describe('parallel trends', () => {
  it('finds the slope of points on a line, and no difference between parallel arms', () => {
    const line = (a: number, b: number) =>
      [0, 1, 2, 3, 4, 5].map((x) => ({ x, y: a + b * x + (x % 2 ? 0.01 : -0.01) }));
    expect(slope(line(1, 0.5))?.slope).toBeCloseTo(0.5, 2);
    const same = slopeDifference(line(0.8, 0.002), line(0.7, 0.002));
    expect(same?.difference).toBeCloseTo(0, 10);
    expect(same?.low).toBeLessThan(0);
    expect(same?.high).toBeGreaterThan(0);
    const diverging = slopeDifference(line(0.8, 0.02), line(0.7, -0.02));
    expect(diverging?.low).toBeGreaterThan(0);
  });
});

describe('an experiment definition', () => {
  it('has 90-day windows before and from the start by default', () => {
    const def = checkExperiment({
      id: 'x',
      metric: 'csat',
      treated: { site: ['lisbon'] },
      control: { site: ['krakow'] },
      start: '2026-04-01',
    });
    expect(def.ok && experimentWindows(def.value)).toEqual({
      pre: { from: '2026-01-01', to: '2026-03-31' },
      post: { from: '2026-04-01', to: '2026-06-29' },
    });
  });
  it('reads k=v[,k=v] filters, a bare value extending the key before it', () => {
    expect(parseFilters('vendor=coastline,site=capetown,krakow', '--control')).toEqual({
      vendor: ['coastline'],
      site: ['capetown', 'krakow'],
    });
  });
});
