import {
  type Cells,
  cellOf,
  type DidEstimate,
  differenceInDifferences,
  type ExperimentDefinition,
  experimentWindows,
  type Filters,
  slopeDifference,
} from '../core/experiment/index.js';
import { UserError } from '../core/issues.js';
import type { Grain, Scope } from '../core/metric/scope.js';
import { localDayNumber } from '../core/time/calendar.js';
import { parseWindows } from '../core/time/period-window.js';
import { type ResolvedRequest, resolveRequests } from '../query/resolve-requests.js';
import { type Measured, measure } from '../query/run-metrics.js';
import type { Store } from '../store/store.js';

export interface ExperimentEstimate extends DidEstimate {
  metric: string;
  unit: string;
  direction: string;
  windows: ReturnType<typeof experimentWindows>;
  minSample: number;
}

/** A metric with a query of its own may be filtered by some dimensions only: say so rather than ignore a filter. */
function checkDimensions(request: ResolvedRequest, def: ExperimentDefinition): void {
  const allowed = request.plan.kind === 'query' ? request.plan.dimensions : undefined;
  if (!allowed) return;
  const asked = new Set([
    ...Object.keys(def.treated),
    ...Object.keys(def.control),
    ...Object.keys(def.where),
  ]);
  const bad = [...asked].filter((dim) => !allowed.includes(dim));
  if (bad.length > 0)
    throw new UserError(
      `${def.metric} cannot be filtered by ${bad.join(', ')} (it can by ${allowed.join(', ')})`,
    );
}

/** Both arms share the common filters; an arm's own filter on a key replaces the shared one. */
const armFilters = (def: ExperimentDefinition, arm: Filters): Filters => ({ ...def.where, ...arm });

function scopeOf(
  def: ExperimentDefinition,
  tenant: string,
  arm: Filters,
  from: string,
  to: string,
  asOf: string,
  grain?: Grain,
): Scope {
  const [period] = parseWindows(`${from}..${to}`, def.timezone, 'window');
  if (!period) throw new Error(`no window ${from}..${to}`);
  return {
    tenant,
    period,
    zone: def.timezone,
    filters: armFilters(def, arm),
    by: [],
    asOf,
    ...(grain ? { grain } : {}),
  };
}

const whole = (measured: Measured[]) => measured.find((m) => m.group.bucket === undefined) ?? measured[0];

/** The four cells measured by the metric engine, then the difference in differences (metrics.md, "Experiments"). */
export async function estimateExperiment(
  store: Store,
  tenant: string,
  def: ExperimentDefinition,
  options: { minSample?: number; asOf?: string } = {},
): Promise<ExperimentEstimate> {
  const requests = resolveRequests([def.metric], def.params);
  const request = requests[0] as ResolvedRequest;
  checkDimensions(request, def);
  const windows = experimentWindows(def);
  const asOf = options.asOf ?? new Date().toISOString();
  const minSample = options.minSample ?? 100;
  const cell = async (arm: Filters, window: { from: string; to: string }) => {
    const measured = whole(
      await measure(store, requests, scopeOf(def, tenant, arm, window.from, window.to, asOf)),
    );
    return measured ? cellOf(measured.stats) : { value: null, n: 0, variance: null };
  };
  const cells: Cells = {
    treatedPre: await cell(def.treated, windows.pre),
    treatedPost: await cell(def.treated, windows.post),
    controlPre: await cell(def.control, windows.pre),
    controlPost: await cell(def.control, windows.post),
  };
  return {
    metric: def.metric,
    unit: request.info.unit,
    direction: request.info.direction,
    windows,
    minSample,
    ...differenceInDifferences(cells, minSample),
  };
}

export interface SeriesPoint {
  week: string;
  value: number | null;
  n: number;
}

/**
 * Both arms week by week over the pre and post windows (for the chart), and the
 * pre-period trends: each arm's slope per week and the difference with its interval,
 * so a reader can judge whether the arms moved in parallel before the start.
 */
export async function experimentSeries(
  store: Store,
  tenant: string,
  def: ExperimentDefinition,
  asOf?: string,
) {
  const requests = resolveRequests([def.metric], def.params);
  const windows = experimentWindows(def);
  const at = asOf ?? new Date().toISOString();
  const series = async (arm: Filters): Promise<SeriesPoint[]> => {
    const measured = await measure(
      store,
      requests,
      scopeOf(def, tenant, arm, windows.pre.from, windows.post.to, at, 'week'),
    );
    return measured
      .filter((m) => m.group.bucket !== undefined)
      .map((m) => ({ week: m.group.bucket as string, value: m.value, n: m.n }))
      .sort((a, b) => a.week.localeCompare(b.week));
  };
  const treated = await series(def.treated);
  const control = await series(def.control);
  // Whole weeks before the start only: a week straddling the start mixes both windows.
  const prePoints = (points: SeriesPoint[]) =>
    points
      .filter((p) => p.value !== null && p.n > 0 && localDayNumber(p.week) + 6 < localDayNumber(def.start))
      .map((p) => ({ x: (localDayNumber(p.week) - localDayNumber(def.start)) / 7, y: p.value as number }));
  return {
    start: def.start,
    treated,
    control,
    preTrend: slopeDifference(prePoints(treated), prePoints(control)),
  };
}
