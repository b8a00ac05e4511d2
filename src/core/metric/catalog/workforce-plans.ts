import { UserError } from '../../issues.js';
import { join, type Sql, sql } from '../../sql/fragment.js';
import { localMidnight, maturesAt } from '../../time/boundaries.js';
import { addDays } from '../../time/calendar.js';
import { requireDuration } from '../../time/duration.js';
import { instantMs, localDateOf } from '../../time/zone.js';
import type { PlanContext, QueryPlan } from '../plan-types.js';
import {
  AGENT_DIMENSIONS,
  dimsGroupBy,
  dimsLead,
  dimsSelect,
  num,
  numOrNull,
  OWN_DIMENSIONS,
  ownFilters,
  scopedAgents,
} from './operations-plans.js';

/**
 * Remote operations over the HR roster, coaching sessions and vacancies. Employment is by
 * local date: hired_at is the first day employed and left_at the last (blank = still).
 */

/** A coaching window: its first and last local dates and the instants [start, end) they span. */
export interface CoachingWindow {
  first: string;
  last: string;
  start: string;
  end: string;
}

/** The consecutive full `cadence` windows from the period's first date. */
export function coachingWindows(ctx: PlanContext): CoachingWindow[] {
  const { period, zone } = ctx.scope;
  const cadence = requireDuration(String(ctx.params.cadence));
  if (cadence.seconds % 86_400 !== 0 || cadence.seconds === 0) {
    throw new UserError(`cadence ${cadence.label}: coaching windows are whole days (e.g. 14d)`);
  }
  const days = cadence.seconds / 86_400;
  const windows: CoachingWindow[] = [];
  for (
    let first = period.startDate;
    addDays(first, days - 1) <= period.endDate;
    first = addDays(first, days)
  ) {
    const last = addDays(first, days - 1);
    windows.push({
      first,
      last,
      start: localMidnight(first, zone),
      end: localMidnight(addDays(last, 1), zone),
    });
  }
  return windows;
}

/**
 * coaching_coverage: agent-windows (role agent, employed from the window's first date to
 * at least its last) with at least one session in `mode` held in [window start, window end).
 * The windows are bound values; a period shorter than one window has none (n = 0).
 */
export const coachingCoveragePlan: QueryPlan = {
  kind: 'query',
  dimensions: AGENT_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope, dialect } = ctx;
    const windows = coachingWindows(ctx);
    const rows = windows.map(
      (w) =>
        sql`SELECT ${dialect.date(w.first)} AS first_day, ${dialect.date(w.last)} AS last_day, ${dialect.instant(w.start)} AS w_start, ${dialect.instant(w.end)} AS w_end`,
    );
    const windowsSql =
      rows.length > 0
        ? join(rows, ' UNION ALL ')
        : sql`SELECT ${dialect.date(scope.period.startDate)} AS first_day, ${dialect.date(scope.period.startDate)} AS last_day, ${dialect.instant(scope.period.start)} AS w_start, ${dialect.instant(scope.period.start)} AS w_end WHERE 1 = 0`;
    const mode = String(ctx.params.mode ?? 'any');
    const modeSql = mode === 'any' ? sql`` : sql` AND c.mode = ${mode}`;
    return sql`WITH windows AS (${windowsSql}),
      agent_windows AS (
        SELECT ${dimsSelect(scope, 'a')}a.agent_id, w.w_start, w.w_end
        FROM (${scopedAgents(ctx)}) a JOIN windows w
          ON a.hired_at <= w.first_day AND (a.left_at IS NULL OR a.left_at >= w.last_day)
        WHERE a.role = 'agent'
      )
      SELECT ${dimsLead(scope)}count(*) FILTER (WHERE covered) AS k, count(*) AS n
      FROM (
        SELECT aw.*, EXISTS (
          SELECT 1 FROM coaching_sessions c
          WHERE c.tenant = ${scope.tenant} AND c.agent_id = aw.agent_id
            AND c.held_at >= aw.w_start AND c.held_at < aw.w_end${modeSql}) AS covered
        FROM agent_windows aw
      ) x${dimsGroupBy(scope)}`;
  },
  finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
};

/**
 * attrition: agents (role agent) whose left_at is in the period / mean headcount, x 365 /
 * days. Headcount at the start = employed on the first date (hired_at <= it, left_at blank
 * or >= it); at the end = employed after the last date, i.e. at the period's end instant
 * (hired_at <= it, left_at blank or > it): an agent whose last day is the period's last day
 * is a leaver and not in the end headcount. n = the mean headcount, rounded.
 */
export const attritionPlan: QueryPlan = {
  kind: 'query',
  dimensions: AGENT_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope, dialect } = ctx;
    const first = dialect.date(scope.period.startDate);
    const last = dialect.date(scope.period.endDate);
    return sql`SELECT ${dimsLead(scope)}
        count(*) FILTER (WHERE left_at >= ${first} AND left_at <= ${last}) AS leavers,
        count(*) FILTER (WHERE hired_at <= ${first} AND (left_at IS NULL OR left_at >= ${first})) AS start_headcount,
        count(*) FILTER (WHERE hired_at <= ${last} AND (left_at IS NULL OR left_at > ${last})) AS end_headcount,
        CAST(${scope.period.days} AS INTEGER) AS days
      FROM (
        SELECT ${dimsSelect(scope, 'a')}a.hired_at, a.left_at FROM (${scopedAgents(ctx)}) a
        WHERE a.role = 'agent' AND a.hired_at <= ${last} AND (a.left_at IS NULL OR a.left_at >= ${first})
      ) e${dimsGroupBy(scope)}`;
  },
  finish(row) {
    const headcount = (num(row, 'start_headcount') + num(row, 'end_headcount')) / 2;
    const days = num(row, 'days');
    const value = headcount > 0 && days > 0 ? ((num(row, 'leavers') / headcount) * 365) / days : null;
    return { kind: 'ratio', value, n: Math.round(headcount) };
  },
};

/** Critical vacancies of the scope (vendor and site are the vacancy's own). */
const criticalVacancies = (ctx: PlanContext, where: Sql): Sql =>
  sql`SELECT ${dimsSelect(ctx.scope, 'v', OWN_DIMENSIONS)}v.opened_at, v.filled_at FROM vacancies v
    WHERE v.tenant = ${ctx.scope.tenant} AND v.critical_role AND ${where}${ownFilters(ctx.scope, 'v')}`;

/** backfill_days: median whole days from opened_at to filled_at of critical vacancies filled in the period. */
export const backfillDaysPlan: QueryPlan = {
  kind: 'query',
  dimensions: OWN_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope, dialect } = ctx;
    const where = sql`v.filled_at >= ${dialect.date(scope.period.startDate)} AND v.filled_at <= ${dialect.date(scope.period.endDate)}`;
    const days = sql`CAST(${dialect.daysBetween(sql`opened_at`, sql`filled_at`)} AS DOUBLE PRECISION)`;
    return sql`SELECT ${dimsLead(scope)}count(*) AS n, ${dialect.percentileCont(days, 0.5, sql`true`)} AS median_days
      FROM (${criticalVacancies(ctx, where)}) f${dimsGroupBy(scope)}`;
  },
  finish: (row) => ({ kind: 'ratio', value: numOrNull(row, 'median_days'), n: num(row, 'n') }),
};

/**
 * The last local date fully ended by E = the earlier of asOf and the period's end plus
 * `days` (calendar days, as maturity reads them): vacancy dates are judged on whole days.
 */
export function backfillAsOfDate(ctx: PlanContext): string {
  const { scope } = ctx;
  const deadline = maturesAt(scope.period, scope.zone, `${Math.ceil(Number(ctx.params.days))}d`);
  const e = Math.min(instantMs(scope.asOf), instantMs(deadline));
  return addDays(localDateOf(e, scope.zone), -1);
}

/**
 * backfill_within_sla: critical vacancies opened in the period; due = filled by the as-of
 * date or its deadline (opened_at + days) ended by then; met = filled by then within `days`.
 */
export const backfillWithinSlaPlan: QueryPlan = {
  kind: 'query',
  dimensions: OWN_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope, dialect } = ctx;
    const asOf = dialect.date(backfillAsOfDate(ctx));
    const days = sql`CAST(${Number(ctx.params.days)} AS DOUBLE PRECISION)`;
    const where = sql`v.opened_at >= ${dialect.date(scope.period.startDate)} AND v.opened_at <= ${dialect.date(scope.period.endDate)}`;
    const filled = sql`filled_at IS NOT NULL AND filled_at <= ${asOf}`;
    return sql`SELECT ${dimsLead(scope)}
        count(*) FILTER (WHERE (${filled}) AND ${dialect.daysBetween(sql`opened_at`, sql`filled_at`)} <= ${days}) AS k,
        count(*) FILTER (WHERE (${filled}) OR ${dialect.daysBetween(sql`opened_at`, asOf)} >= ${days}) AS n
      FROM (${criticalVacancies(ctx, where)}) o${dimsGroupBy(scope)}`;
  },
  finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
};
