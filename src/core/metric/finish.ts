import { tInterval } from '../stats/mean.js';
import { wilson } from '../stats/proportion.js';
import type { Sufficient } from './plan-types.js';

export interface Estimate {
  value: number | null;
  n: number;
  low: number | null;
  high: number | null;
}

/** A value, its n and its 95% interval from SQL's sufficient statistics (bootstrap intervals come later). */
export function estimate(stats: Sufficient): Estimate {
  switch (stats.kind) {
    case 'share': {
      const value = stats.n > 0 ? stats.k / stats.n : null;
      return { value, n: stats.n, ...wilson(stats.k, stats.n) };
    }
    case 'mean': {
      if (stats.n === 0 || stats.mean === null) return { value: null, n: stats.n, low: null, high: null };
      return {
        value: stats.mean,
        n: stats.n,
        ...tInterval({ n: stats.n, mean: stats.mean, sd: stats.sd ?? 0 }),
      };
    }
    case 'count':
      return { value: stats.value, n: stats.value, low: null, high: null };
    case 'ratio':
    case 'bootstrapped':
      return { value: stats.value, n: stats.n, low: null, high: null };
  }
}
