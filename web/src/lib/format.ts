import { currentLocale } from './i18n';
import type { MetricResult } from './types';

/**
 * One formatter per unit, used by every page, so one value reads the same everywhere:
 * share as %, seconds as s, days as d, money with its currency, in the user's locale (Intl).
 */

const number = (value: number, digits: number) =>
  value.toLocaleString(currentLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(value: number | null | undefined, unit: string, currency?: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  switch (unit) {
    case 'share':
    case 'percent':
      return `${number(value * 100, 1)}%`;
    case 'seconds':
      return `${number(value, Math.abs(value) < 100 ? 1 : 0)} s`;
    case 'days':
      return `${number(value, Number.isInteger(value) ? 0 : 1)} d`;
    case 'count':
      return number(value, Number.isInteger(value) ? 0 : 1);
    case 'money':
      return currency ? formatMoney(value, currency) : number(value, 2);
    case 'mean_score':
      return number(value, 2);
    default:
      return number(value, 3);
  }
}

/** A threshold or target written in the metric's unit (0.9 share -> 90.0%). */
export const formatTarget = formatValue;

/**
 * A decimal amount string as money, one style on every screen: "-6103.46" EUR -> "-€6,103.46",
 * with the currency's own minor units (JPY none). CSV and JSON carry the ISO code instead.
 */
export function formatMoney(amount: string | number, currency: string): string {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return value.toLocaleString(currentLocale(), { style: 'currency', currency });
  } catch {
    return `${number(value, 2)} ${currency}`;
  }
}

/** The unit a value is shown in: a metric's display hint (attrition as %) or its unit. */
export const displayUnit = (info: { unit: string; display?: string } | undefined, unit: string): string =>
  info?.display ?? unit;

export const formatCount = (n: number): string => n.toLocaleString(currentLocale());

export const formatPercent = (fraction: number | null | undefined, digits = 1): string =>
  fraction === null || fraction === undefined ? '–' : `${number(fraction * 100, digits)}%`;

/** "95% CI 85.2%–86.1%" or null when the metric has no interval. */
export function intervalText(
  result: Pick<MetricResult, 'low' | 'high' | 'unit'>,
  currency?: string,
): string | null {
  if (result.low === null || result.high === null) return null;
  return `${formatValue(result.low, result.unit, currency)}–${formatValue(result.high, result.unit, currency)}`;
}

/** A value for a chart axis: shares as percent numbers, others as they are. */
export const chartNumber = (value: number | null, unit: string): number | null =>
  value === null ? null : unit === 'share' ? Math.round(value * 10000) / 100 : value;

export const axisSuffix = (unit: string): string =>
  unit === 'share' ? '%' : unit === 'seconds' ? ' s' : unit === 'days' ? ' d' : '';

export const timeOf = (date: Date): string =>
  date.toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** The group of a result as text: "site=lisbon, channel=chat" -> "lisbon · chat". */
export const groupText = (group: Record<string, string>, skip: string[] = ['bucket']): string =>
  Object.entries(group)
    .filter(([name]) => !skip.includes(name))
    .map(([, value]) => value)
    .join(' · ');

/** A calendar date (YYYY-MM-DD, or an ISO instant's date) as the user's locale writes it. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '–';
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

/** An instant as the user's locale writes date and time (in the browser's zone). */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '–';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** A plain number with exactly `digits` decimals, the locale's way (1 234,5000). */
export const formatNumber = (value: number, digits: number): string => number(value, digits);
