import type { MetricResult } from '../lib/types';

/**
 * The renewal scorecard's number formats (src/core/renewal/format.ts), repeated here
 * because nothing from src/ runs in the browser: a difference, a p-value or a change reads
 * on the page exactly as the reasons quote it.
 */

const MINUS = '−';

export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace('-', MINUS);
}

const PERCENT_RATIOS = new Set(['attrition']);
const shareDigits = (x: number) => (Math.abs(x) < 0.1 ? 2 : 1);
const finite = (x: number | null | undefined): x is number =>
  x !== null && x !== undefined && Number.isFinite(x);

/** A metric value in its unit: 75.7%, 3.63%, 0.49, 41.5 days, 312 s, EUR 3.42. */
export function formatValue(
  value: number | null | undefined,
  unit: string,
  metric = '',
  currency = 'EUR',
): string {
  if (!finite(value)) return '–';
  if (unit === 'share' || PERCENT_RATIOS.has(metric)) return `${fixed(value * 100, shareDigits(value))}%`;
  switch (unit) {
    case 'days':
      return `${fixed(value, 1)} days`;
    case 'seconds':
      return `${fixed(value, 0)} s`;
    case 'count':
      return fixed(value, 0);
    case 'money':
      return `${currency} ${fixed(value, 2)}`;
    default:
      return fixed(value, 2);
  }
}

/** +6.4 pp, −0.58 pp, +1.20. */
export function formatDifference(difference: number | null | undefined, unit: string, metric = ''): string {
  if (!finite(difference)) return '–';
  const sign = difference > 0 ? '+' : '';
  if (unit === 'share' || PERCENT_RATIOS.has(metric))
    return `${sign}${fixed(difference * 100, Math.abs(difference) < 0.01 ? 2 : 1)} pp`;
  return `${sign}${formatValue(difference, unit, metric)}`;
}

/** p = 0.018, p < 0.001. */
export const formatP = (p: number | null | undefined): string =>
  !finite(p) ? 'p –' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;

/** 58%, 4.5%. */
export const formatPercent = (x: number | null | undefined): string =>
  !finite(x) ? '–' : `${fixed(x * 100, Math.abs(x) < 0.1 ? 1 : 0)}%`;

/** +92%, −21%. */
export const formatChange = (x: number | null | undefined): string =>
  !finite(x) ? '–' : `${x > 0 ? '+' : ''}${formatPercent(x)}`;

/** A number with two decimals (RFP totals, alpha). */
export const n2 = (x: number | null | undefined): string => (!finite(x) ? '–' : fixed(x, 2));

/** A weight or share with one decimal: 15%, 9.0%. */
export const pct1 = (x: number | null | undefined): string =>
  !finite(x) ? '–' : `${fixed(x * 100, 1).replace(/\.0$/, '')}%`;

/** A weight change in percentage points: +75.4 pp. */
export const pp = (x: number | null | undefined): string =>
  !finite(x) ? 'none in 0–100%' : `${x > 0 ? '+' : MINUS}${Math.abs(x * 100).toFixed(1)} pp`;

/** A scorecard estimate as the metric result <Value> renders (value, n, interval, flags). */
export function asResult(
  metric: string,
  unit: string,
  direction: string,
  e: {
    period: string;
    value: number | null;
    n: number;
    low: number | null;
    high: number | null;
    insufficient: boolean;
    matured: boolean;
    difference?: number | null;
    differenceLow?: number | null;
    differenceHigh?: number | null;
    p?: number | null;
  },
  baseline: number | null = null,
): MetricResult {
  return {
    metric,
    group: {},
    period: e.period,
    value: e.value,
    n: e.n,
    low: e.low,
    high: e.high,
    unit,
    direction,
    matured: e.matured,
    maturesOn: null,
    insufficient: e.insufficient,
    baseline,
    difference: e.difference ?? null,
    differenceLow: e.differenceLow ?? null,
    differenceHigh: e.differenceHigh ?? null,
    p: e.p ?? null,
  };
}

/** A value for a chart axis: shares as percent numbers. */
export const chartValue = (value: number | null, unit: string, metric = ''): number | null =>
  value === null
    ? null
    : unit === 'share' || PERCENT_RATIOS.has(metric)
      ? Math.round(value * 10000) / 100
      : value;
