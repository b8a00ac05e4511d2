import { maturesAt } from '../time/boundaries.js';
import { requireDuration } from '../time/duration.js';
import { localDateOf } from '../time/zone.js';
import type { ParamValue } from './plan-types.js';
import type { PeriodWindow } from './scope.js';
import type { MetricInfo } from './types.js';

/**
 * When a period's value of a metric is final: at the period's end, or after a parameter's
 * duration (fcr's repeatWindow, retention's window), or after the longest deadline
 * (backfill days, incident limits).
 */
export function maturity(
  info: MetricInfo,
  params: Record<string, ParamValue>,
  period: PeriodWindow,
  zone: string,
  asOf: string,
): { matured: boolean; maturesOn: string } {
  const at = maturesAt(period, zone, durationOf(info, params));
  return { matured: Date.parse(asOf) >= Date.parse(at), maturesOn: localDateOf(at, zone) };
}

function durationOf(info: MetricInfo, params: Record<string, ParamValue>): string | undefined {
  const rule = info.maturity;
  if (rule.after === 'period_end') return undefined;
  const value = params[rule.param];
  if (rule.param === 'days') return `${Number(value)}d`;
  if (rule.param === 'limits' && typeof value === 'object' && value !== null) {
    const seconds = Object.values(value as Record<string, Record<string, string>>)
      .flatMap((limit) => Object.values(limit))
      .map((text) => requireDuration(text).seconds);
    return `${Math.ceil(Math.max(0, ...seconds) / 60)}m`;
  }
  return String(value);
}
