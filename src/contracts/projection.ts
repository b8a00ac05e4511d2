import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import { Dec, Money } from '../core/money/money.js';
import { type ProjectedState, projectedState } from '../core/projection/state.js';
import { settle } from '../core/settlement/settle.js';
import type { OutcomeLine } from '../core/settlement/types.js';
import { localMidnight } from '../core/time/boundaries.js';
import { addDays, daysBetweenInclusive, isDate } from '../core/time/calendar.js';
import { periodOf } from '../core/time/period-ops.js';
import { parseWindow } from '../core/time/period-window.js';
import { localDateOf } from '../core/time/zone.js';
import type { Store } from '../store/store.js';
import { baseUnits } from './base-units.js';
import { listVersions } from './contract-store.js';
import { measureKeyMeasurements } from './measure-key-measurements.js';
import { measureOutcomes } from './measure-outcomes.js';
import { versionsInForce } from './versions-in-force.js';

export interface ProjectedItem {
  kind: 'outcome' | 'key_measurement';
  /** Portfolio id, or the contract section of a key measurement (e.g. security.incidents). */
  portfolio: string;
  metric: string;
  label: string;
  direction: 'higher' | 'lower';
  target: number;
  value: number | null;
  low: number | null;
  high: number | null;
  n: number;
  state: ProjectedState;
  /** The settlement line the value would earn over the whole period (outcomes only). */
  projectedPay: string | null;
}

export interface Projection {
  contract: string;
  version: number;
  period: string;
  /** Whole local days measured: the period's start through the day before the as-of date (its period is the one projected). */
  from: string;
  to: string;
  asOf: string;
  currency: string;
  items: ProjectedItem[];
  /** Sum of the projected penalties (negative outcome lines), as a positive amount. */
  moneyAtRisk: string;
  projectedTotal: string;
}

/** An as-of date is that day's local midnight in the contract's zone; an instant is itself. */
export const asOfInstant = (asOf: string, zone: string) => (isDate(asOf) ? localMidnight(asOf, zone) : asOf);

/**
 * The period in progress of a contract as of an instant: each outcome's period-to-date
 * value and interval, its state, and the pay it would earn (the settlement rules applied
 * with the base units extrapolated from the days measured to the whole period); key
 * measurements are judged the same way against their thresholds, without pay.
 */
export async function projectContract(
  store: Store,
  tenant: string,
  contractId: string,
  asOfText: string,
): Promise<Projection> {
  const versions = await listVersions(store, tenant, contractId);
  const zone = versions.at(-1)?.contract.timezone ?? 'UTC';
  const asOf = asOfInstant(asOfText, zone);
  // The last whole local day before the as-of instant: its period is the one in progress
  // (on a period's first midnight, the period just ended, measured whole).
  const to = addDays(localDateOf(asOf, zone), -1);
  const [inForce] = versionsInForce(versions, to, to);
  if (!inForce) throw new UserError(`no version of ${contractId} is in force on ${to}`);
  const contract = inForce.version.contract;
  const period = periodOf(to, contract.settlement === 'monthly' ? 'month' : 'quarter');
  const from = period.startDate;
  const measurements = await measureOutcomes(
    store,
    tenant,
    contract,
    parseWindow(`${from}..${to}`, contract.timezone, 'period'),
    asOf,
  );
  const units = new Dec(await baseUnits(store, tenant, contract, from, to))
    .times(daysBetweenInclusive(period.startDate, period.endDate))
    .div(daysBetweenInclusive(from, to));
  const settlement = settle({ contract, period: period.label, baseUnits: units.toFixed(6), measurements });
  const lines = settlement.lines.filter((l): l is OutcomeLine => l.kind === 'outcome');
  const items: ProjectedItem[] = lines.map((line) => {
    const t = line.trace;
    const direction = t.direction === 'higher' ? 'higher' : 'lower';
    return {
      kind: 'outcome',
      portfolio: line.portfolio,
      metric: line.metric,
      label: metricInfo(line.metric)?.label.singular ?? line.metric,
      direction,
      target: t.target,
      value: t.value,
      low: t.low,
      high: t.high,
      n: t.n,
      state: projectedState({ ...t, direction }),
      projectedPay: line.amount,
    };
  });
  items.push(...(await keyMeasurements(store, tenant, contract, `${from}..${to}`, asOf)));
  const penalties = lines.map((l) => Money.parse(l.amount, contract.currency)).filter((m) => m.isNegative());
  return {
    contract: contractId,
    version: contract.version,
    period: period.label,
    from,
    to,
    asOf,
    currency: contract.currency,
    items,
    moneyAtRisk: Money.sum(contract.currency, penalties).times(-1).toFixed(),
    projectedTotal: settlement.total,
  };
}

async function keyMeasurements(
  store: Store,
  tenant: string,
  contract: Contract,
  period: string,
  asOf: string,
): Promise<ProjectedItem[]> {
  const items: ProjectedItem[] = [];
  const window = parseWindow(period, contract.timezone, 'period');
  for (const { key, label, result: r } of await measureKeyMeasurements(
    store,
    tenant,
    contract,
    window,
    asOf,
  )) {
    const direction = key.direction === 'higher' ? 'higher' : 'lower';
    const value = r?.value ?? null;
    items.push({
      kind: 'key_measurement',
      portfolio: key.source,
      metric: key.metric,
      label,
      direction,
      target: key.threshold,
      value,
      low: r?.low ?? null,
      high: r?.high ?? null,
      n: r?.n ?? 0,
      state: projectedState({
        value,
        low: r?.low ?? null,
        high: r?.high ?? null,
        insufficient: r?.insufficient ?? true,
        target: key.threshold,
        direction,
      }),
      projectedPay: null,
    });
  }
  return items;
}
