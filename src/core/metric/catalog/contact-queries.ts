import { raw, type Sql, sql } from '../../sql/fragment.js';
import { contactFilters, contactsSource, groupBy, groupColumns, groupSelect } from '../contacts-source.js';
import type { PlanContext, QueryPlan, StatsRow } from '../plan-types.js';

const num = (row: StatsRow, name: string) => Number(row[name] ?? 0);

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
    return sql`SELECT ${groupSelect({ ...scope, grain: undefined })}count(*) AS n FROM (
        SELECT ${dims.length > 0 ? sql`${raw(dims.map((d) => d.text).join(', '))}, ` : sql``}1 AS one
        FROM interactions
        WHERE tenant = ${scope.tenant} AND channel IN ('email', 'messaging') AND started_at < ${end}
          AND (closed_at IS NULL OR closed_at >= ${end}) ${contactFilters(scope)}) open${groupBy({ ...scope, grain: undefined })}`;
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
