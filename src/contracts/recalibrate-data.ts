import type { Contract, Outcome, Portfolio } from '../core/contract/types.js';
import type { PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import type { MeasuredValue, PeriodMeasures, SegmentStat } from '../core/recalibration/index.js';
import type { IntervalLoad, PeriodWorkload } from '../core/recalibration/unit-rate.js';
import { join, raw, sql } from '../core/sql/fragment.js';
import { estimatePatience } from '../core/staffing/erlang-a.js';
import { instantMs } from '../core/time/zone.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';

/**
 * What recalibration reads from the data: trigger measures on the contract's scope,
 * per-segment rates of each outcome on its portfolio's scope (the metric engine), and the
 * interval-level human workload of the staffing model (one GROUP BY over interactions).
 */

const contractScope = (contract: Contract) => ({
  vendor: [contract.vendor],
  workflow: contract.workflows,
});

/** The trigger measures of one period: each metric on the contract's scope, and contacts per channel. */
export async function triggerMeasures(
  store: Store,
  tenant: string,
  contract: Contract,
  window: PeriodWindow,
  asOf: string,
): Promise<PeriodMeasures> {
  const { measures, metrics, common } = triggerQuery(tenant, contract, [window], asOf);
  const values: Record<string, MeasuredValue> = {};
  if (metrics.length > 0) {
    for (const result of await runQuery(store, { ...common, metrics, by: [] })) {
      values[result.metric] = { value: result.value, n: result.n };
    }
  }
  const channels: Record<string, number> = {};
  if (measures.has('channel_mix')) {
    for (const result of await runQuery(store, { ...common, metrics: ['contacts'], by: ['channel'] })) {
      const channel = result.group.channel;
      if (channel !== undefined) channels[channel] = result.value ?? 0;
    }
  }
  return { period: window.label, days: window.days, metrics: values, channels };
}

/** The trigger measures' queries over any periods: only values and n are read (no intervals). */
function triggerQuery(tenant: string, contract: Contract, periods: PeriodWindow[], asOf: string) {
  const measures = new Set((contract.recalibration?.triggers ?? []).map((t) => t.measure));
  const metrics = [...measures].filter((m) => m !== 'channel_mix');
  const common = {
    tenant,
    periods,
    zone: contract.timezone,
    where: contractScope(contract),
    params: {},
    minN: 0,
    asOf,
    intervals: false,
  };
  return { measures, metrics, common };
}

/**
 * The trigger measures of several periods measured at once, for a report that then asks
 * triggerMeasures for each (the scorecard): through its store they are answered from these.
 */
export async function prefetchTriggerMeasures(
  store: Store,
  tenant: string,
  contract: Contract,
  windows: PeriodWindow[],
  asOf: string,
): Promise<void> {
  const { measures, metrics, common } = triggerQuery(tenant, contract, windows, asOf);
  if (metrics.length > 0) await runQuery(store, { ...common, metrics, by: [] });
  if (measures.has('channel_mix'))
    await runQuery(store, { ...common, metrics: ['contacts'], by: ['channel'] });
}

/** An outcome's metric per workflow x channel x path on its portfolio's scope, and overall. */
export async function segmentStats(
  store: Store,
  tenant: string,
  contract: Contract,
  portfolio: Portfolio,
  outcome: Outcome,
  window: PeriodWindow,
  asOf: string,
): Promise<{ segments: SegmentStat[]; overall: MeasuredValue }> {
  const common = {
    metrics: [outcome.metric],
    tenant,
    periods: [window],
    zone: contract.timezone,
    where: { vendor: [contract.vendor], workflow: portfolio.workflows },
    params: outcome.params,
    minN: 0,
    asOf,
  };
  const share = (result: MetricResult) => result.unit === 'share';
  const rows = await runQuery(store, { ...common, by: ['workflow', 'channel', 'path'] });
  const segments = rows.map((result) => ({
    workflow: result.group.workflow ?? '',
    channel: result.group.channel ?? '',
    path: result.group.path ?? '',
    n: result.n,
    rate: result.value,
    ...(share(result) && result.value !== null ? { k: Math.round(result.value * result.n) } : {}),
  }));
  const [overall] = await runQuery(store, { ...common, by: [] });
  return { segments, overall: { value: overall?.value ?? null, n: overall?.n ?? 0 } };
}

interface IntervalRow {
  slot: number;
  offered: number;
  handled: number;
  resolved: number;
  handle_sum: number | null;
  handle_n: number;
  queue_sum: number | null;
  abandoned: number;
}

/**
 * Contacts offered to humans (path human or bot_to_human, abandoned included) per
 * staffing interval of the period, with the handle time of those handled. The interval
 * number is (epoch seconds - the period start's epoch seconds) / interval, floored: the
 * period starts at a local midnight, so with zone offsets in whole hours a 30m interval
 * is a local half hour, and no row is converted to a local zone.
 */
export async function intervalWorkload(
  store: Store,
  tenant: string,
  contract: Contract,
  window: PeriodWindow,
  intervalSeconds: number,
): Promise<PeriodWorkload> {
  const d = store.dialect;
  const startMs = instantMs(window.start);
  const since = sql`(${d.epochSeconds(raw('started_at'))} - ${startMs / 1000})`;
  const rows = await store.query<IntervalRow>(sql`SELECT ${d.floorDiv(since, intervalSeconds)} AS slot,
      count(*) AS offered,
      count(*) FILTER (WHERE NOT abandoned) AS handled,
      count(*) FILTER (WHERE NOT abandoned AND resolved) AS resolved,
      sum(handle_seconds) FILTER (WHERE NOT abandoned) AS handle_sum,
      count(handle_seconds) FILTER (WHERE NOT abandoned) AS handle_n,
      sum(queue_seconds) AS queue_sum,
      count(*) FILTER (WHERE abandoned) AS abandoned
    FROM interactions
    WHERE tenant = ${tenant} AND vendor = ${contract.vendor}
      AND workflow IN (${join(contract.workflows.map((w) => sql`${w}`))})
      AND started_at >= ${d.instant(window.start)} AND started_at < ${d.instant(window.end)}
      AND path IN ('human', 'bot_to_human')
    GROUP BY 1 ORDER BY 1`);
  const num = (x: number | string | null) => (x === null ? 0 : Number(x));
  const intervals: IntervalLoad[] = rows.map((row) => ({
    slot: num(row.slot),
    offered: num(row.offered),
    ahtSeconds: num(row.handle_n) === 0 ? null : num(row.handle_sum) / num(row.handle_n),
  }));
  const total = (pick: (row: IntervalRow) => number | null) =>
    rows.reduce((sum, row) => sum + num(pick(row)), 0);
  const handleN = total((r) => r.handle_n);
  const abandoned = total((r) => r.abandoned);
  return {
    period: window.label,
    startMs,
    zone: contract.timezone,
    intervals,
    offered: total((r) => r.offered),
    handled: total((r) => r.handled),
    resolved: total((r) => r.resolved),
    days: window.days,
    meanAhtSeconds: handleN === 0 ? null : total((r) => r.handle_sum) / handleN,
    ...(abandoned > 0
      ? { patienceSeconds: estimatePatience({ totalWaitSeconds: total((r) => r.queue_sum), abandoned }) }
      : {}),
  };
}
