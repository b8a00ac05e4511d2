import type { Sufficient } from '../metric/plan-types.js';
import { normalTwoSidedP, Z95 } from '../stats/distributions.js';

/** One of the four cells: the metric's value on one arm and window, its n and the variance of the value. */
export interface Cell {
  value: number | null;
  n: number;
  /** Variance of the cell's estimate: p(1-p)/n for a share, s^2/n for a mean; null when unknown. */
  variance: number | null;
}

export interface Cells {
  treatedPre: Cell;
  treatedPost: Cell;
  controlPre: Cell;
  controlPost: Cell;
}

export interface DidEstimate {
  effect: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  /** A cell under minSample (or without a value): the estimate is shown but not to be relied on. */
  insufficient: boolean;
  cells: Cells;
}

export const CELL_NAMES = ['treatedPre', 'treatedPost', 'controlPre', 'controlPost'] as const;

/** A cell from the metric engine's sufficient statistics (metrics.md, "Experiments"). */
export function cellOf(stats: Sufficient): Cell {
  switch (stats.kind) {
    case 'share': {
      if (stats.n === 0) return { value: null, n: 0, variance: null };
      const p = stats.k / stats.n;
      return { value: p, n: stats.n, variance: (p * (1 - p)) / stats.n };
    }
    case 'mean': {
      if (stats.n === 0 || stats.mean === null) return { value: null, n: stats.n, variance: null };
      const sd = stats.sd ?? 0;
      return { value: stats.mean, n: stats.n, variance: stats.n > 1 ? (sd * sd) / stats.n : null };
    }
    case 'count':
      return { value: stats.value, n: stats.value, variance: null };
    case 'ratio':
    case 'bootstrapped':
      return { value: stats.value, n: stats.n, variance: null };
  }
}

/**
 * effect = (treated post - treated pre) - (control post - control pre), the four cells
 * independent samples: variance = the sum of the cells' variances, 95% interval
 * effect -/+ 1.959964 sqrt(variance), p two-sided normal.
 */
export function differenceInDifferences(cells: Cells, minSample = 100): DidEstimate {
  const all = CELL_NAMES.map((name) => cells[name]);
  const insufficient = all.some((c) => c.value === null || c.n < minSample);
  const { treatedPre, treatedPost, controlPre, controlPost } = cells;
  if (all.some((c) => c.value === null))
    return { effect: null, low: null, high: null, p: null, insufficient, cells };
  const effect =
    (treatedPost.value as number) -
    (treatedPre.value as number) -
    ((controlPost.value as number) - (controlPre.value as number));
  if (all.some((c) => c.variance === null))
    return { effect, low: null, high: null, p: null, insufficient, cells };
  const se = Math.sqrt(all.reduce((sum, c) => sum + (c.variance as number), 0));
  const p = se > 0 ? normalTwoSidedP(effect / se) : effect === 0 ? 1 : 0;
  return { effect, low: effect - Z95 * se, high: effect + Z95 * se, p, insufficient, cells };
}

/** The least-squares slope of (x, y) points and its standard error (for the parallel-trends check). */
export function slope(points: readonly { x: number; y: number }[]): { slope: number; se: number } | null {
  const n = points.length;
  if (n < 3) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const b = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  const sse = points.reduce((s, p) => s + (p.y - my - b * (p.x - mx)) ** 2, 0);
  return { slope: b, se: Math.sqrt(sse / (n - 2) / sxx) };
}

/** Difference of the two arms' pre-period slopes with its 95% interval: near 0 supports parallel trends. */
export function slopeDifference(
  treated: readonly { x: number; y: number }[],
  control: readonly { x: number; y: number }[],
): { difference: number; low: number; high: number; treated: number; control: number } | null {
  const t = slope(treated);
  const c = slope(control);
  if (!t || !c) return null;
  const difference = t.slope - c.slope;
  const se = Math.sqrt(t.se ** 2 + c.se ** 2);
  return {
    difference,
    low: difference - Z95 * se,
    high: difference + Z95 * se,
    treated: t.slope,
    control: c.slope,
  };
}
