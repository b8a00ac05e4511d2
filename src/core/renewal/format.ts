import { metricInfo } from '../metric/catalog.js';
import type { Unit } from '../metric/types.js';
import { minorUnit } from '../money/currencies.js';
import { Dec, Money } from '../money/money.js';

/**
 * How the scorecard writes numbers, in the reasons, the HTML and the text summary. One
 * function per kind, so a reason's quoted number is exactly what the tables show and a
 * test can recompute it from the metric engine's value.
 */

const MINUS = '−';

/** `x` with `digits` decimals, a real minus sign, never `-0`. */
export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  const zero = /^-0(\.0*)?$/.test(text);
  return zero ? text.slice(1) : text.replace('-', MINUS);
}

/** Decimals of a share: two for small shares (error rates), one otherwise. */
const shareDigits = (x: number) => (Math.abs(x) < 0.1 ? 2 : 1);

/** A metric value in its unit: 75.7%, 3.63%, 0.49, 41.5 days, 312 s, EUR 3.42. */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  metric = '',
  currency = 'EUR',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'share' || metricInfo(metric)?.display === 'percent')
    return `${fixed(value * 100, shareDigits(value))}%`;
  switch (unit) {
    case 'days':
      return `${fixed(value, 1)} days`;
    case 'seconds':
      return `${fixed(value, 0)} s`;
    case 'count':
      return fixed(value, 0);
    case 'money':
      return formatMoney(fixed(value, minorUnit(currency)).replace(/,/g, '').replace(MINUS, '-'), currency);
    case 'mean_score':
      return fixed(value, 2);
    default:
      return fixed(value, 2);
  }
}

/** A difference in the metric's unit: shares in percentage points (+6.4 pp, −0.58 pp under one point), others signed. */
export function formatDifference(
  difference: number | null | undefined,
  unit: Unit,
  metric = '',
  currency = 'EUR',
): string {
  if (difference === null || difference === undefined || !Number.isFinite(difference)) return '–';
  const sign = difference > 0 ? '+' : '';
  if (unit === 'share' || metricInfo(metric)?.display === 'percent') {
    return `${sign}${fixed(difference * 100, Math.abs(difference) < 0.01 ? 2 : 1)} pp`;
  }
  return `${sign}${formatValue(difference, unit, metric, currency)}`;
}

/** p = 0.018, p < 0.001. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return 'p –';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A fraction as a whole percent (58%) or with one decimal under 10%. */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${fixed(x * 100, Math.abs(x) < 0.1 ? 1 : 0)}%`;
}

/** A relative change: +92%, −21%. */
export function formatChange(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${x > 0 ? '+' : ''}${formatPercent(x)}`;
}

/** Money as on every screen (Money.format): €3,394.37, with the currency's minor units and a real minus. */
export function formatMoney(amount: string | number, currency: string): string {
  const digits = minorUnit(currency);
  const d = new Dec(amount).toDecimalPlaces(digits);
  const text = Money.parse(d.abs().toFixed(digits), currency).format();
  return `${d.isNegative() && !d.isZero() ? MINUS : ''}${text}`;
}

/** An amount without its currency (for tables whose heading names it): 3,394.37, −701.51. */
export function formatAmount(amount: string | number): string {
  const d = new Dec(amount).toDecimalPlaces(2);
  const [whole = '0', cents = '00'] = d.abs().toFixed(2).split('.');
  return `${d.isNegative() && !d.isZero() ? MINUS : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** A 95% interval: 71.2%–79.9%. */
export function formatInterval(
  low: number | null | undefined,
  high: number | null | undefined,
  unit: Unit,
  metric = '',
): string {
  if (low === null || low === undefined || high === null || high === undefined) return '–';
  return `${formatValue(low, unit, metric)}–${formatValue(high, unit, metric)}`;
}

/** Replaces `{name}` in a template with the values given (reason templates, docs/renewal.md). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A count with grouping: 524,790. */
export const formatCount = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
