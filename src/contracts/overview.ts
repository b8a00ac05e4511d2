import { metricInfo, readsInteractions } from '../core/metric/catalog.js';
import type { MetricResult } from '../core/metric/types.js';
import { settle } from '../core/settlement/settle.js';
import type { OutcomeLine } from '../core/settlement/types.js';
import { periodWindows, runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';
import { baseUnits } from './base-units.js';
import type { StoredVersion } from './contract-store.js';
import { measureOutcomes } from './measure-outcomes.js';

export type OutcomeState = 'met' | 'improving' | 'off_track' | 'insufficient';

/**
 * Where an outcome stands: at or past its target (in the metric's direction), moved from
 * its baseline in the better direction with p < 0.05, or neither. Attainment is for
 * display only: with a measured baseline on the far side of the target it can mislead.
 */
export function outcomeState(line: OutcomeLine, result: MetricResult): OutcomeState {
  const t = line.trace;
  if (t.insufficient || t.value === null) return 'insufficient';
  if (t.direction === 'higher' ? t.value >= t.target : t.value <= t.target) return 'met';
  const better = t.direction === 'higher' ? (result.difference ?? 0) > 0 : (result.difference ?? 0) < 0;
  return better && result.p !== null && result.p < 0.05 ? 'improving' : 'off_track';
}

/**
 * A COO's first minute on a contract: each outcome's value with n and interval, target,
 * baseline, status and the pay the period-to-date value would earn (the settlement rules
 * applied to it), and the key measurements of remote operations and security.
 */
export async function contractOverview(
  store: Store,
  tenant: string,
  version: StoredVersion,
  periodText: string,
  asOf: string,
) {
  const contract = version.contract;
  const [window] = periodWindows(periodText, contract.timezone);
  if (!window) throw new Error(`no period ${periodText}`);
  const measurements = await measureOutcomes(store, tenant, contract, window.label, asOf);
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
      status: outcomeState(line, result),
      projectedPay: line.amount,
      payFraction: line.trace.pay,
    };
  });
  const keyMeasurements = [];
  for (const key of contract.keyMeasurements) {
    const info = metricInfo(key.metric);
    const where =
      info && readsInteractions(info)
        ? { vendor: [contract.vendor], workflow: contract.workflows }
        : { vendor: [contract.vendor] };
    const [result] = await runQuery(store, {
      metrics: [key.metric],
      tenant,
      period: window.label,
      zone: contract.timezone,
      where,
      by: [],
      params: key.params,
      minN: 1,
      asOf,
    });
    const value = result?.value ?? null;
    const met =
      value === null ? null : key.direction === 'higher' ? value >= key.threshold : value <= key.threshold;
    keyMeasurements.push({
      metric: key.metric,
      label: info?.label.singular ?? key.metric,
      threshold: key.threshold,
      direction: key.direction,
      result: result as MetricResult,
      met,
    });
  }
  return {
    period: window.label,
    outcomes,
    keyMeasurements,
    projectedTotal: settlement.total,
    baseFee: settlement.baseFee,
    provisional: settlement.provisional,
  };
}
