import type { Contract, MetricResult } from './types';

export interface Threshold {
  value: number;
  direction: 'higher' | 'lower';
}

/** The contract's remote-operations levels per metric (key measurements, plus backfill days against criticalRoleDays). */
export function operationsThresholds(terms: Contract | undefined): Record<string, Threshold> {
  const out: Record<string, Threshold> = {};
  for (const key of terms?.keyMeasurements ?? [])
    out[key.metric] = { value: key.threshold, direction: key.direction };
  const days = terms?.remoteOperations?.backfill?.criticalRoleDays;
  if (days !== undefined && !out.backfill_days) out.backfill_days = { value: days, direction: 'lower' };
  return out;
}

/** Whether a result meets a threshold: null when there is no value. */
export function meetsThreshold(
  result: MetricResult | undefined,
  threshold: Threshold | undefined,
): boolean | null {
  if (!result || !threshold || result.value === null) return null;
  return threshold.direction === 'lower' ? result.value <= threshold.value : result.value >= threshold.value;
}
