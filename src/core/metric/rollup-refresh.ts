import { raw, type Sql, sql } from '../sql/fragment.js';
import { ROLLED_PARTS, ROLLUP_FLAGS, ROLLUP_TABLE, rolledAggregate } from './rollup.js';

/**
 * How an import keeps the daily rollup (`interaction_days`) current, in its own
 * transaction (migration 5 dropped the triggers of migration 4: Citus refuses to distribute
 * a table with triggers). The (vendor, UTC day) groups the batch touches, the new values of
 * the rows it writes and the old values of those it replaces, lose their rollup rows and
 * get them again from the contacts: recomputing, not adding and subtracting, keeps the
 * sums exact. Pure builders over the temporary table `touched_days` (vendor, day_start).
 * PostgreSQL only (`Dialect.dailyRollups`), whose spelling the UTC day uses.
 */
export const utcDay = (column: string) =>
  `(date_trunc('day', ${column} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`;

const KEY = ['tenant', 'day_start', 'vendor', 'workflow', 'site', 'channel', 'language', 'path'];
const GROUP =
  "c.tenant, c.day_start, c.vendor, c.workflow, c.site, c.channel, coalesce(c.language, ''), c.path";

/** Rows of `source` (aliased `a`, a FROM item ending in a WHERE clause): their groups. */
export const touchedDaysSql = (sources: Sql[]): Sql =>
  sql`CREATE TEMP TABLE touched_days AS SELECT DISTINCT vendor, day_start FROM (${sources.reduce(
    (all, source, i) =>
      sql`${all}${raw(i > 0 ? ' UNION ALL ' : '')}SELECT a.vendor, ${raw(utcDay('a.started_at'))} AS day_start FROM ${source}`,
    sql``,
  )}) x`;

export const deleteTouchedDaysSql = (tenant: string): Sql =>
  sql`DELETE FROM ${raw(ROLLUP_TABLE)} d USING touched_days t
    WHERE d.tenant = ${tenant} AND d.vendor = t.vendor AND d.day_start = t.day_start`;

/**
 * The touched groups' rows again, from the tenant's contacts of those vendors and days:
 * a hash join on (vendor, UTC day) within the touched days' span (the time index serves
 * a small import); a join on the day's range instead tested every contact against every
 * touched day of its vendor (a 10M first load ran for over 15 minutes).
 */
export const insertTouchedDaysSql = (tenant: string): Sql =>
  sql`INSERT INTO ${raw(ROLLUP_TABLE)} (${raw(KEY.join(', '))}, ${raw(ROLLED_PARTS.map((p) => p.name).join(', '))})
  SELECT ${raw(GROUP)},
    ${raw(ROLLED_PARTS.map(rolledAggregate).join(',\n    '))}
  FROM (SELECT i.*, ${raw(utcDay('i.started_at'))} AS day_start, ${raw(ROLLUP_FLAGS)}
    FROM interactions i JOIN touched_days t ON i.vendor = t.vendor AND ${raw(utcDay('i.started_at'))} = t.day_start
    WHERE i.tenant = ${tenant}
      AND i.started_at >= (SELECT min(day_start) FROM touched_days)
      AND i.started_at < (SELECT max(day_start) FROM touched_days) + interval '1 day') c
  GROUP BY ${raw(GROUP)}`;
