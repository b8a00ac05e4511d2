import { join, raw, type Sql, sql } from '../../sql/fragment.js';
import type { PlanContext, QueryPlan, StatsRow } from '../plan-types.js';
import { type Dimension, MetricScopeError, type Scope } from '../scope.js';

/**
 * Remote operations over the WFM plan and actuals (metrics.md "Remote operations").
 * Scope is the agents of the vendor (optionally one site): vendor, site and agent filters
 * apply through the agents roster, so schedules and states of ids missing from it are left
 * out. Intervals are clipped to the period [start, end) and measured in elapsed seconds
 * (a DST day is 23 or 25 hours long); overlaps are computed in SQL.
 */

export const num = (row: StatsRow, name: string): number => Number(row[name] ?? 0);
export const numOrNull = (row: StatsRow, name: string): number | null =>
  row[name] === null || row[name] === undefined ? null : Number(row[name]);

/** Metrics scoped through the agents roster. */
export const AGENT_DIMENSIONS = ['vendor', 'site', 'agent'] as const;
/** Metrics over datasets that carry vendor and site themselves (vacancies, incidents). */
export const OWN_DIMENSIONS = ['vendor', 'site'] as const;

const AGENT_COLUMNS: Partial<Record<Dimension, string>> = {
  vendor: 'vendor',
  site: 'site',
  agent: 'agent_id',
};
const OWN_COLUMNS: Partial<Record<Dimension, string>> = { vendor: 'vendor', site: 'site' };

/** `AND alias.column IN (...)` per filtered dimension, values bound; a dimension the table lacks is an error. */
function filtersOn(scope: Scope, columns: Partial<Record<Dimension, string>>, alias: string): Sql {
  const parts = Object.entries(scope.filters).map(([dim, values]) => {
    const column = columns[dim as Dimension];
    if (!column) throw new MetricScopeError(`this metric cannot be filtered by ${dim}`);
    const list = values ?? [];
    return list.length === 0
      ? sql` AND false`
      : sql` AND ${raw(`${alias}.${column}`)} IN (${join(list.map((v) => sql`${v}`))})`;
  });
  return parts.length === 0 ? sql`` : join(parts, '');
}

/** `AND ...` filters on a dataset's own vendor and site columns. */
export const ownFilters = (scope: Scope, alias: string): Sql => filtersOn(scope, OWN_COLUMNS, alias);

/** The scope's roster: every dimension as a column under its own name (agent reads agent_id). */
export function scopedAgents(ctx: PlanContext): Sql {
  return sql`SELECT agent_id, vendor, site, agent_id AS agent, role, hired_at, left_at
    FROM agents r WHERE r.tenant = ${ctx.scope.tenant}${filtersOn(ctx.scope, AGENT_COLUMNS, 'r')}`;
}

/** `alias.vendor AS vendor, ...` for the breakdown, each followed by a comma. */
export function dimsSelect(scope: Scope, alias: string, allowed: readonly string[] = AGENT_DIMENSIONS): Sql {
  for (const dim of scope.by)
    if (!allowed.includes(dim)) throw new MetricScopeError(`this metric cannot be broken down by ${dim}`);
  return raw(scope.by.map((dim) => `${alias}.${dim} AS ${dim}, `).join(''));
}

/** The breakdown's column names (optionally qualified), each followed by a comma. */
export const dimsLead = (scope: Scope, alias = ''): Sql =>
  raw(scope.by.map((dim) => `${alias}${dim}, `).join(''));

/** ` GROUP BY vendor, site` (nothing without a breakdown: the aggregate answers one row). */
export const dimsGroupBy = (scope: Scope): Sql =>
  scope.by.length === 0 ? sql`` : sql` GROUP BY ${raw(scope.by.join(', '))}`;

/** Elapsed seconds from t0 to t1 (instants). */
export const secondsBetween = (ctx: PlanContext, t0: Sql, t1: Sql): Sql =>
  sql`(${ctx.dialect.epochSeconds(t1)} - ${ctx.dialect.epochSeconds(t0)})`;

const READY_STATES = ['available', 'on_contact', 'after_contact_work'] as const;
const BUSY_STATES = ['on_contact', 'after_contact_work'] as const;
const list = (values: readonly string[]): Sql => join(values.map((v) => sql`${v}`));

/**
 * Intervals of schedules (kind = activity) or agent_states (kind = state) of the scope's
 * agents that overlap the period, clipped to it: group columns, agent_id, kind, t0, t1, seconds.
 */
function clippedIntervals(
  ctx: PlanContext,
  table: 'schedules' | 'agent_states',
  kinds?: readonly string[],
): Sql {
  const { scope, dialect } = ctx;
  const q = (name: string) => raw(`t.${dialect.quoteIdent(name)}`);
  const kindColumn = raw(table === 'schedules' ? 't.activity' : 't.state');
  const p0 = dialect.instant(scope.period.start);
  const p1 = dialect.instant(scope.period.end);
  const t0 = sql`greatest(${q('start')}, ${p0})`;
  const t1 = sql`least(${q('end')}, ${p1})`;
  return sql`SELECT ${dimsSelect(scope, 'a')}t.agent_id, ${kindColumn} AS kind, ${t0} AS t0, ${t1} AS t1,
      ${secondsBetween(ctx, t0, t1)} AS seconds
    FROM ${raw(table)} t JOIN (${scopedAgents(ctx)}) a ON a.agent_id = t.agent_id
    WHERE t.tenant = ${scope.tenant} AND ${q('start')} < ${p1} AND ${q('end')} > ${p0}${
      kinds ? sql` AND ${kindColumn} IN (${list(kinds)})` : sql``
    }`;
}

/** n in minutes, the value a ratio of seconds (null without a denominator). */
const minutesRatio = (numerator: number, denominator: number) => ({
  kind: 'ratio' as const,
  value: denominator > 0 ? numerator / denominator : null,
  n: denominator / 60,
});

/**
 * adherence: for each scheduled interval (clipped to the period), the seconds of the
 * agent's states that overlap it and match its activity (work: available, on_contact,
 * after_contact_work; the others: the state of the same name), over scheduled seconds.
 */
export const adherencePlan: QueryPlan = {
  kind: 'query',
  dimensions: AGENT_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope } = ctx;
    const overlap = secondsBetween(ctx, sql`greatest(sc.t0, st.t0)`, sql`least(sc.t1, st.t1)`);
    // States are clipped to the period first and mapped to the activity they match
    // (ready states -> work), so the join is a hash join on (agent, activity) with the
    // overlap as a residual test, not a range scan of every state of the agent.
    // Scheduled and matched seconds are summed side by side (UNION ALL), not joined back
    // per schedule: on a Citus shard (row policy estimated to keep 0.5% of the rows, no
    // statistics yet after an import) the join back became a nested loop that ran the
    // overlap join once per schedule, for minutes (docs/scaling.md).
    return sql`WITH sched AS (${clippedIntervals(ctx, 'schedules')}),
      states AS (
        SELECT agent_id, CASE WHEN kind IN (${list(READY_STATES)}) THEN 'work' ELSE kind END AS kind, t0, t1
        FROM (${clippedIntervals({ ...ctx, scope: { ...scope, by: [] } }, 'agent_states')}) s
      )
      SELECT ${dimsLead(scope)}sum(scheduled) AS scheduled_seconds, sum(matched) AS matched_seconds
      FROM (
        SELECT ${dimsLead(scope)}seconds AS scheduled, 0 AS matched FROM sched
        UNION ALL
        SELECT ${dimsLead(scope, 'sc.')}0 AS scheduled, ${overlap} AS matched
        FROM ${ctx.dialect.overlapJoin({ from: raw('sched'), alias: 'sc' }, { from: raw('states'), alias: 'st' }, ['agent_id', 'kind'])}
      ) u${dimsGroupBy(scope)}`;
  },
  finish: (row) => minutesRatio(num(row, 'matched_seconds'), num(row, 'scheduled_seconds')),
};

/** conformance: seconds in available, on_contact, after_contact_work (scheduled or not) / scheduled work seconds. */
export const conformancePlan: QueryPlan = {
  kind: 'query',
  dimensions: AGENT_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope } = ctx;
    return sql`SELECT ${dimsLead(scope)}sum(work_seconds) AS scheduled_work_seconds, sum(ready_seconds) AS ready_seconds
      FROM (
        SELECT ${dimsLead(scope)}seconds AS work_seconds, 0 AS ready_seconds
        FROM (${clippedIntervals(ctx, 'schedules', ['work'])}) w
        UNION ALL
        SELECT ${dimsLead(scope)}0 AS work_seconds, seconds AS ready_seconds
        FROM (${clippedIntervals(ctx, 'agent_states', READY_STATES)}) r
      ) u${dimsGroupBy(scope)}`;
  },
  finish: (row) => minutesRatio(num(row, 'ready_seconds'), num(row, 'scheduled_work_seconds')),
};

/** occupancy: seconds in on_contact, after_contact_work / seconds in available, on_contact, after_contact_work. */
export const occupancyPlan: QueryPlan = {
  kind: 'query',
  dimensions: AGENT_DIMENSIONS,
  query(ctx: PlanContext): Sql {
    const { scope } = ctx;
    return sql`SELECT ${dimsLead(scope)}sum(seconds) AS ready_seconds,
        coalesce(sum(seconds) FILTER (WHERE kind IN (${list(BUSY_STATES)})), 0) AS busy_seconds
      FROM (${clippedIntervals(ctx, 'agent_states', READY_STATES)}) r${dimsGroupBy(scope)}`;
  },
  finish: (row) => minutesRatio(num(row, 'busy_seconds'), num(row, 'ready_seconds')),
};
