import { join, raw, type Sql, sql } from '../../sql/fragment.js';
import { requireDuration } from '../../time/duration.js';
import { bucketExpression } from '../bucket-sql.js';
import { contactFilters, groupBy, groupColumns, groupSelect } from '../contacts-source.js';
import type { AggregatePlan, PlanContext, QueryPlan, StatsRow } from '../plan-types.js';

const num = (row: StatsRow, name: string) => Number(row[name] ?? 0);
/** Episode windows are exact seconds between contacts (7d = 604,800 s, whatever DST does). */
const durationSeconds = (value: unknown) => requireDuration(String(value)).seconds;

/**
 * fcr: episodes are runs of one customer's contacts on one workflow, each within
 * repeatWindow of the previous, built from ALL the customer's contacts (any vendor, site
 * or channel) and scoped by their first contact. The import keeps each contact's gap to
 * the previous and the next contact of its customer on its workflow, over every vendor
 * (ingest/contact-facts-sql.ts; NULL without one or without a customer), so for any
 * window a contact starts an episode iff its previous gap is NULL or longer, and the
 * episode is that contact alone iff its next gap is NULL or longer: two counts over the
 * scoped contacts, in the scan the other contact aggregates share (one read of the rows),
 * the same in a vendor's session that sees only the vendor's rows.
 */
export const fcrPlan: AggregatePlan = {
  kind: 'aggregate',
  source: 'contacts',
  aggregates: (ctx) => {
    const window = durationSeconds(ctx.params.repeatWindow);
    const starts = sql`(prev_gap_seconds IS NULL OR prev_gap_seconds > ${window})`;
    const single = sql`(next_gap_seconds IS NULL OR next_gap_seconds > ${window})`;
    return {
      k: sql`count(*) FILTER (WHERE ${starts} AND ${single} AND NOT abandoned AND resolved)`,
      n: sql`count(*) FILTER (WHERE ${starts})`,
    };
  },
  finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
};

/**
 * retention_90d: each customer's first handled contact in scope (per group), compared with
 * churned_at as local dates. The local date comes from the offset-segment arithmetic of
 * bucket-sql, per customer, never per contact.
 */
export const retentionPlan: QueryPlan = {
  kind: 'query',
  buckets: true,
  query(ctx: PlanContext): Sql {
    const { scope, dialect } = ctx;
    const windowDays = Math.round(durationSeconds(ctx.params.window) / 86400);
    const dims = groupColumns(scope.by);
    const dimsSql = dims.length > 0 ? sql`${join(dims)}, ` : sql``;
    const dimNames = scope.by.length > 0 ? sql`${raw(scope.by.join(', '))}, ` : sql``;
    const firstDay = localDayNumber(ctx, raw('f.first_at'));
    const churnDay = dialect.daysBetween(dialect.date('1970-01-01'), raw('c.churned_at'));
    const bucket = scope.grain ? sql`, ${bucketExpression(ctx, raw('f.first_at'))} AS bucket` : sql``;
    return sql`WITH firsts AS (
        SELECT ${dimsSql}customer_id, min(started_at) AS first_at
        FROM interactions
        WHERE tenant = ${scope.tenant} AND NOT abandoned AND customer_id IS NOT NULL
          AND started_at >= ${dialect.instant(scope.period.start)} AND started_at < ${dialect.instant(scope.period.end)}
          ${contactFilters(scope)}
        GROUP BY ${dimNames}customer_id
      )
      SELECT ${groupSelect(scope)}
        count(c.customer_id) FILTER (WHERE c.churned_at IS NULL OR ${churnDay} > ${firstDay} + ${windowDays}) AS k,
        count(c.customer_id) AS n,
        count(*) - count(c.customer_id) AS missing
      FROM (SELECT f.*${bucket} FROM firsts f) f
      LEFT JOIN customers c ON c.tenant = ${scope.tenant} AND c.customer_id = f.customer_id${groupBy(scope)}`;
  },
  finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
};

/** The local day number (days since 1970-01-01 in the scope's zone) of an instant. */
function localDayNumber(ctx: PlanContext, expr: Sql): Sql {
  return bucketExpression({ ...ctx, scope: { ...ctx.scope, grain: 'day' } }, expr);
}
