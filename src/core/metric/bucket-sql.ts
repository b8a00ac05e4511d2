import { join, type Sql, sql } from '../sql/fragment.js';
import { dateOfDayNumber } from '../time/calendar.js';
import { buckets, mondayOfWeekNumber, offsetSegments } from '../time/index.js';
import type { PlanContext } from './plan-types.js';

/**
 * The time-series bucket of an instant in the scope's zone, without converting rows:
 * the zone's UTC offsets are constant between DST transitions, so the local day number
 * is floor((epoch + offset) / 86400) with a short CASE over the period's few segments.
 * Weeks are Monday-based day-number arithmetic; months a CASE over their boundaries.
 */
export function bucketExpression(ctx: PlanContext, ts: Sql): Sql {
  const { scope, dialect } = ctx;
  const grain = scope.grain ?? 'day';
  if (grain === 'month') {
    const months = buckets(scope.period, scope.zone, 'month');
    const cases = months.map(
      (b, i) => sql`WHEN ${ts} < ${dialect.instant(b.end)} THEN ${dialect.integer(i)}`,
    );
    return sql`CASE ${join(cases, ' ')} END`;
  }
  const segments = offsetSegments(scope.period.start, scope.period.end, scope.zone);
  const last = segments.at(-1)?.offsetSeconds ?? 0;
  const offset =
    segments.length <= 1
      ? sql`${last}`
      : sql`CASE ${join(
          segments
            .slice(0, -1)
            .map((s) => sql`WHEN ${ts} < ${dialect.instant(s.to)} THEN ${dialect.integer(s.offsetSeconds)}`),
          ' ',
        )} ELSE ${dialect.integer(last)} END`;
  const day = dialect.floorDiv(sql`(${dialect.epochSeconds(ts)} + ${offset})`, 86_400);
  return grain === 'week' ? dialect.floorDiv(sql`(${day} + 3)`, 7) : day;
}

/** The label of a bucket value from bucketExpression: the day, the week's Monday, the month's first day. */
export function bucketLabel(ctx: PlanContext, value: number): string {
  const grain = ctx.scope.grain ?? 'day';
  if (grain === 'day') return dateOfDayNumber(value);
  if (grain === 'week') return mondayOfWeekNumber(value);
  return buckets(ctx.scope.period, ctx.scope.zone, 'month')[value]?.label ?? String(value);
}
