import { join, raw, type Sql, sql } from '../sql/fragment.js';
import { bucketExpression } from './bucket-sql.js';
import type { PlanContext } from './plan-types.js';
import { CONTACT_COLUMN, type Dimension, type Scope } from './scope.js';

/** The flags metrics.md defines for a contact, as columns over interactions. */
export const CONTACT_FLAGS = raw(`NOT abandoned AS handled,
      path IN ('human', 'bot_to_human') AS human_path,
      channel IN ('voice', 'chat', 'messaging') AND path IN ('human', 'bot_to_human') AS offered`);

/**
 * The scoped interactions every contact metric reads, with the flags metrics.md defines.
 * Period bounds are instants computed once; no row is converted to a local zone.
 */
export function contactsSource(ctx: PlanContext, range?: { start: string; end: string }): Sql {
  const { scope, dialect } = ctx;
  const start = range?.start ?? scope.period.start;
  const end = range?.end ?? scope.period.end;
  const bucket = scope.grain ? sql`, ${bucketExpression(ctx, raw('started_at'))} AS bucket` : sql``;
  // Every dimension is a column here under its own name (agent reads agent_id).
  return sql`SELECT interaction_id, started_at, closed_at, vendor, workflow, site, channel, language, path,
      agent_id, agent_id AS agent, customer_id, abandoned, resolved, csat, error, offer, revenue,
      handle_seconds, queue_seconds, prev_gap_seconds, next_gap_seconds,
      ${CONTACT_FLAGS}${bucket}
    FROM interactions
    WHERE tenant = ${scope.tenant} AND started_at >= ${dialect.instant(start)} AND started_at < ${dialect.instant(end)}
      ${contactFilters(scope)}`;
}

/** `AND column IN (...)` for each filtered dimension, values bound. */
export function contactFilters(scope: Scope, alias = ''): Sql {
  const parts = Object.entries(scope.filters).map(([dim, values]) => {
    const column = raw(`${alias}${CONTACT_COLUMN[dim as Dimension]}`);
    const list = values ?? [];
    return list.length === 0 ? sql` AND false` : sql` AND ${column} IN (${join(list.map((v) => sql`${v}`))})`;
  });
  return parts.length === 0 ? sql`` : join(parts, '');
}

/** Group columns named by dimension, for selects from the interactions table itself. */
export function groupColumns(by: readonly Dimension[], alias = ''): Sql[] {
  return by.map((dim) => raw(`${alias}${CONTACT_COLUMN[dim]} AS ${dim}`));
}

/** The group's column names: dimensions, then the bucket when a grain is asked. */
const groupNames = (scope: Scope) => [...scope.by, ...(scope.grain ? ['bucket'] : [])];

/** ` GROUP BY` the group's columns and any `also` (e.g. a histogram's value), or nothing. */
export function groupBy(scope: Scope, also: readonly string[] = []): Sql {
  const names = [...groupNames(scope), ...also];
  return names.length === 0 ? sql`` : sql` GROUP BY ${raw(names.join(', '))}`;
}

export function groupSelect(scope: Scope): Sql {
  const names = groupNames(scope);
  return names.length === 0 ? sql`` : sql`${raw(names.join(', '))}, `;
}
