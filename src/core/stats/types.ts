/** Result shapes shared by the stats modules and the metric engine. */

/** A 95% interval, or nulls when the data cannot give one (n = 0, no spread, ...). */
export type Bounds = { low: number; high: number } | { low: null; high: null };

export const NO_BOUNDS: Bounds = { low: null, high: null };

/**
 * A difference between the current value and a baseline (current - baseline) with its
 * 95% interval and a two-sided p-value. Each field is null when it is undefined for the
 * data (see the function that produced it); none is ever NaN.
 */
export interface Comparison {
  difference: number | null;
  differenceLow: number | null;
  differenceHigh: number | null;
  p: number | null;
}

export const bounds = (low: number, high: number): Bounds => ({ low, high });

/** Turns a non-finite number into null, so NaN never leaks to a caller. */
export const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
