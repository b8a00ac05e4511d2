import { raw, type Sql, sql } from '../../sql/fragment.js';
import { contactFilters, contactsSource, groupBy, groupColumns, groupSelect } from '../contacts-source.js';
import type { PlanContext, QueryPlan, StatsRow } from '../plan-types.js';

const num = (row: StatsRow, name: string) => Number(row[name] ?? 0);

/** The channels whose contacts wait in a backlog (the literal a partial index names too). */
export const BACKLOG_CHANNELS = "channel IN ('email', 'messaging')";
/**
 * backlog: email and messaging contacts open at the period's end instant, whenever they
 * started. As a series the runner asks per bucket, so each day reports its own end.
 */
export const backlogPlan: QueryPlan = {
  kind: 'query',
  query(ctx: PlanContext): Sql {
    const { scope, dialect } = ctx;
    const end = dialect.instant(scope.period.end);
    const dims = groupColumns(scope.by);
    // Open at the end: never closed, or closed at or after it. Two branches, each one range
    // of the backlog index (migration 151) read alone; an OR of the two reads the rows too.
    const keys = dims.length > 0 ? sql`${raw(dims.map((d) => d.text).join(', '))}, ` : sql``;
    const open = (closed: Sql) => sql`SELECT ${keys}1 AS one
        FROM interactions
        WHERE tenant = ${scope.tenant} AND ${raw(BACKLOG_CHANNELS)} AND started_at < ${end}
          AND ${closed} ${contactFilters(scope)}`;
    return sql`SELECT ${groupSelect({ ...scope, grain: undefined })}count(*) AS n FROM (
        ${open(sql`closed_at IS NULL`)} UNION ALL ${open(sql`closed_at >= ${end}`)}) open${groupBy({ ...scope, grain: undefined })}`;
  },
  finish: (row) => ({ kind: 'count', value: num(row, 'n') }),
};

/** max_site_share: the largest site's share of handled contacts in each group. */
export const maxSiteSharePlan: QueryPlan = {
  kind: 'query',
  buckets: true,
  query(ctx: PlanContext): Sql {
    const { scope } = ctx;
    const names = [...scope.by, ...(scope.grain ? ['bucket'] : [])];
    const keys = names.length > 0 ? `${names.join(', ')}, ` : '';
    return sql`SELECT ${groupSelect(scope)}max(handled_at_site) AS k, sum(handled_at_site) AS n FROM (
        SELECT ${raw(keys)}site AS site_served, count(*) AS handled_at_site
        FROM (${contactsSource(ctx)}) c WHERE handled
        GROUP BY ${raw(keys)}site) per_site${groupBy(scope)}`;
  },
  finish: (row) => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
};
