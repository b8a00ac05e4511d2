import { raw, type Sql, sql } from '../../sql/fragment.js';
import { contactsSource, groupBy, groupSelect } from '../contacts-source.js';
import type { PlanContext, QueryPlan, StatsRow } from '../plan-types.js';

const num = (row: StatsRow, name: string) => Number(row[name] ?? 0);
const numOrNull = (row: StatsRow, name: string) =>
  row[name] === null || row[name] === undefined ? null : Number(row[name]);

/** Reviews with the scope of the contact they review (period, vendor, workflow, site...). */
const reviews = (ctx: PlanContext, calibration: boolean): Sql =>
  sql`SELECT c.*, r.review_id, r.reviewer_id, r.reviewed_at, r.score
    FROM qa_reviews r JOIN (${contactsSource(ctx)}) c ON c.interaction_id = r.interaction_id
    WHERE r.tenant = ${ctx.scope.tenant} AND r.calibration = ${calibration}`;

export const qaScorePlan: QueryPlan = {
  kind: 'query',
  buckets: true,
  query: (ctx) =>
    sql`SELECT ${groupSelect(ctx.scope)}count(*) AS n, avg(score) AS mean, stddev_samp(score) AS sd
      FROM (${reviews(ctx, false)}) q${groupBy(ctx.scope)}`,
  finish: (row) => ({
    kind: 'mean',
    n: num(row, 'n'),
    mean: numOrNull(row, 'mean'),
    sd: numOrNull(row, 'sd'),
  }),
};

/**
 * Per calibration unit (a reviewed contact): the count, sum and sum of squares of its
 * scores, one per reviewer (the latest review), units of two or more only. Krippendorff's
 * interval alpha follows from these sums (core/stats/krippendorff), so SQL does the heavy part.
 */
export function calibrationUnits(ctx: PlanContext): Sql {
  const { scope } = ctx;
  const keys = [...scope.by, ...(scope.grain ? ['bucket'] : [])];
  const groupKeys = raw(keys.length > 0 ? `${keys.join(', ')}, ` : '');
  return sql`SELECT ${groupKeys}interaction_id, count(*) AS m, sum(score) AS s1, sum(score * score) AS s2 FROM (
      SELECT *, row_number() OVER (PARTITION BY interaction_id, reviewer_id ORDER BY reviewed_at DESC, review_id DESC) AS latest
      FROM (${reviews(ctx, true)}) q) per_reviewer
    WHERE latest = 1 GROUP BY ${groupKeys}interaction_id HAVING count(*) >= 2`;
}

const unitOrder = (ctx: PlanContext): Sql =>
  raw([...ctx.scope.by, ...(ctx.scope.grain ? ['bucket'] : []), 'interaction_id'].join(', '));

export const qaAlphaPlan: QueryPlan = {
  kind: 'query',
  buckets: true,
  query(ctx) {
    const { scope } = ctx;
    // D_o sums each unit's within-unit squared differences over (m - 1); D_e pools all values.
    return sql`SELECT ${groupSelect(scope)}sum(m) AS n, sum(2 * (m * s2 - s1 * s1) / (m - 1)) AS within,
        sum(s1) AS s1, sum(s2) AS s2, count(*) AS units
      FROM (${calibrationUnits(ctx)}) u${groupBy(scope)}`;
  },
  finish(row) {
    const n = num(row, 'n');
    const s1 = num(row, 's1');
    const s2 = num(row, 's2');
    const expected = 2 * (n * s2 - s1 * s1);
    const value = n < 2 || expected === 0 ? null : 1 - ((n - 1) * num(row, 'within')) / expected;
    return { kind: 'bootstrapped', value, n };
  },
  // Units in a fixed order: the bootstrap draws them in row order, and engines (DuckDB's
  // parallel scans, PostgreSQL's plans) return unordered rows in different orders.
  histogram: { statistic: 'alpha', query: (ctx) => sql`${calibrationUnits(ctx)} ORDER BY ${unitOrder(ctx)}` },
};
