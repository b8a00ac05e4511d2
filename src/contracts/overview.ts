import { targetMet } from '../core/contract/payout.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import { evidenceOf } from '../core/renewal/model.js';
import { settle } from '../core/settlement/settle.js';
import type { OutcomeLine } from '../core/settlement/types.js';
import { withMeasurementCache } from '../query/measurement-cache.js';
import type { Store } from '../store/store.js';
import { baseUnits } from './base-units.js';
import type { StoredVersion } from './contract-store.js';
import { measureKeyMeasurements } from './measure-key-measurements.js';
import { measureOutcomes } from './measure-outcomes.js';

export type OutcomeState = 'met' | 'missed' | 'insufficient';

/** Status is the value against the target in the outcome's direction (contract-format.md), never attainment. */
export function outcomeState(line: OutcomeLine): OutcomeState {
  const t = line.trace;
  if (t.insufficient || t.value === null) return 'insufficient';
  return targetMet(t.value, t.target, t.direction) ? 'met' : 'missed';
}

/** Moved from its baseline in the better direction with p < 0.05 (the evidence rule). */
export const improving = (line: OutcomeLine, result: MetricResult): boolean =>
  evidenceOf(line.trace.direction, result.difference, result.p, false) === 'moved';

/**
 * A COO's first minute on a contract: each outcome's value with n and interval, target,
 * baseline, status and the pay the period-to-date value would earn (the settlement rules
 * applied to it), and the key measurements of remote operations and security.
 */
async function overviewOf(
  store: Store,
  tenant: string,
  version: StoredVersion,
  window: PeriodWindow,
  asOf: string,
) {
  const contract = version.contract;
  const measurements = await measureOutcomes(store, tenant, contract, window, asOf);
  const settlement = settle({
    contract,
    period: window.label,
    baseUnits: await baseUnits(store, tenant, contract, window.startDate, window.endDate),
    measurements,
  });
  const outcomes = measurements.map((m) => {
    const line = settlement.lines.find(
      (l): l is OutcomeLine => l.kind === 'outcome' && l.portfolio === m.portfolio && l.metric === m.metric,
    ) as OutcomeLine;
    const portfolio = contract.portfolios.find((p) => p.id === m.portfolio);
    const result = m.result as MetricResult;
    return {
      portfolio: m.portfolio,
      portfolioName: portfolio?.displayName ?? m.portfolio,
      workflows: portfolio?.workflows ?? [],
      metric: m.metric,
      label: metricInfo(m.metric)?.label.singular ?? m.metric,
      direction: line.trace.direction,
      unit: result.unit,
      result,
      target: line.trace.target,
      baseline: line.trace.baseline,
      attainment: line.trace.attainment,
      status: outcomeState(line),
      improving: improving(line, result),
      projectedPay: line.amount,
      payFraction: line.trace.pay,
    };
  });
  const keyMeasurements = (await measureKeyMeasurements(store, tenant, contract, window, asOf)).map(
    ({ key, label, result }) => {
      const value = result?.value ?? null;
      return {
        metric: key.metric,
        label,
        threshold: key.threshold,
        direction: key.direction,
        result: result as MetricResult,
        met: value === null ? null : targetMet(value, key.threshold, key.direction),
      };
    },
  );
  return {
    period: window.label,
    outcomes,
    keyMeasurements,
    projectedTotal: settlement.total,
    baseFee: settlement.baseFee,
    provisional: settlement.provisional,
  };
}

/** The overview, its measurements read through the persisted ones (query/measurement-cache.ts). */
export const contractOverview = (...args: Parameters<typeof overviewOf>) =>
  withMeasurementCache(() => overviewOf(...args));
