/** Number text for the arithmetic that proposals show (never used for money). */

/** `x` with `digits` decimals, without a negative zero; `-` for null. */
export function fixed(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A fraction as percentage points: 0.1677 -> `16.77pp`. */
export const pp = (x: number | null, digits = 2): string =>
  x === null ? '-' : `${fixed(x * 100, digits)}pp`;

/** A fraction as a percent: 0.0319 -> `3.19%`. */
export const pct = (x: number | null, digits = 2): string =>
  x === null ? '-' : `${fixed(x * 100, digits)}%`;

/** A signed number: `+0.0123`, `-0.0040`. */
export const signed = (x: number, digits = 4): string =>
  `${x > 0 ? '+' : x < 0 ? '' : '±'}${fixed(x, digits)}`;
