import { type Sql, sql } from '../../sql/fragment.js';
import type { AdditiveForm, AggregatePlan, PlanContext, StatsRow, Sufficient } from '../plan-types.js';

/**
 * Contact outcomes that are plain aggregates over the scoped contacts (contacts-source.ts):
 * each names its aggregates; all of them run together in one scan of interactions.
 */
const num = (row: StatsRow, name: string) => Number(row[name] ?? 0);
const numOrNull = (row: StatsRow, name: string) =>
  row[name] === null || row[name] === undefined ? null : Number(row[name]);

const shareOf = (k: (ctx: PlanContext) => Sql, n: (ctx: PlanContext) => Sql): AggregatePlan => ({
  kind: 'aggregate',
  source: 'contacts',
  aggregates: (ctx) => ({
    k: sql`count(*) FILTER (WHERE ${k(ctx)})`,
    n: sql`count(*) FILTER (WHERE ${n(ctx)})`,
  }),
  finish: (row): Sufficient => ({ kind: 'share', k: num(row, 'k'), n: num(row, 'n') }),
  additive: (ctx): AdditiveForm => ({
    parts: { k: { kind: 'count', where: k(ctx) }, n: { kind: 'count', where: n(ctx) } },
    stats: (total) => ({ k: total('k'), n: total('n') }),
  }),
});

const meanOf = (value: Sql, where: Sql): AggregatePlan => ({
  kind: 'aggregate',
  source: 'contacts',
  aggregates: () => ({
    n: sql`count(${value}) FILTER (WHERE ${where})`,
    mean: sql`avg(${value}) FILTER (WHERE ${where})`,
    sd: sql`stddev_samp(${value}) FILTER (WHERE ${where})`,
  }),
  finish: (row): Sufficient => ({
    kind: 'mean',
    n: num(row, 'n'),
    mean: numOrNull(row, 'mean'),
    sd: numOrNull(row, 'sd'),
  }),
  // n, Σx and Σx²: the sample standard deviation is sqrt((Σx² − (Σx)²/n) / (n − 1)).
  additive: (): AdditiveForm => ({
    parts: {
      n: { kind: 'count', where: sql`${where} AND ${value} IS NOT NULL` },
      sum: { kind: 'sum', value, where },
      squares: { kind: 'sum', value: sql`${value} * ${value}`, where },
    },
    stats: (total) => {
      const [n, sum, squares] = [total('n'), total('sum'), total('squares')];
      return {
        n,
        mean: sql`${sum} / nullif(${n}, 0)`,
        sd: sql`CASE WHEN ${n} > 1 THEN sqrt(greatest((${squares} - ${sum} * ${sum} / ${n}) / (${n} - 1), 0)) END`,
      };
    },
  }),
});

const seconds = (ctx: PlanContext, name: string) => Number(ctx.params[name]);
/** An abandon within shortAbandon seconds; an abandon with blank queue_seconds is not short. */
const shortAbandon = (ctx: PlanContext) =>
  sql`(abandoned AND coalesce(queue_seconds <= ${seconds(ctx, 'shortAbandon')}, false))`;
const surveyed = sql`handled AND csat IS NOT NULL`;
const humanHandled = sql`handled AND human_path AND handle_seconds IS NOT NULL`;

export const CONTACT_PLANS: Record<string, AggregatePlan> = {
  contacts: {
    kind: 'aggregate',
    source: 'contacts',
    aggregates: () => ({ n: sql`count(*)` }),
    finish: (row) => ({ kind: 'count', value: num(row, 'n') }),
    additive: () => ({
      parts: { n: { kind: 'count', where: sql`true` } },
      stats: (total) => ({ n: total('n') }),
    }),
  },
  csat: shareOf(
    () => sql`${surveyed} AND csat >= 4`,
    () => surveyed,
  ),
  csat_mean: meanOf(sql`csat`, surveyed),
  resolution_rate: shareOf(
    () => sql`handled AND resolved`,
    () => sql`handled`,
  ),
  error_rate: shareOf(
    () => sql`handled AND error`,
    () => sql`handled`,
  ),
  aht: meanOf(sql`handle_seconds`, humanHandled),
  handle_p90: {
    kind: 'aggregate',
    source: 'contacts',
    // The value, percentile_cont(0.9) of handle_seconds, comes from the histogram (estimates).
    aggregates: () => ({ n: sql`count(*) FILTER (WHERE ${humanHandled})` }),
    finish: (row) => ({ kind: 'bootstrapped', value: numOrNull(row, 'value'), n: num(row, 'n') }),
    histogram: { statistic: 'p90', value: sql`handle_seconds`, where: humanHandled, estimates: true },
  },
  asa: meanOf(sql`queue_seconds`, sql`offered AND NOT abandoned`),
  service_level: shareOf(
    (ctx) =>
      sql`offered AND NOT abandoned AND coalesce(queue_seconds <= ${seconds(ctx, 'answerWithin')}, false)`,
    (ctx) => sql`offered AND NOT ${shortAbandon(ctx)}`,
  ),
  abandon_rate: shareOf(
    (ctx) => sql`offered AND abandoned AND NOT ${shortAbandon(ctx)}`,
    (ctx) => sql`offered AND NOT ${shortAbandon(ctx)}`,
  ),
  containment: shareOf(
    () => sql`path = 'bot' AND resolved`,
    () => sql`true`,
  ),
  escalation_rate: shareOf(
    () => sql`path = 'bot_to_human'`,
    () => sql`path IN ('bot', 'bot_to_human')`,
  ),
  bot_error_rate: shareOf(
    () => sql`path = 'bot' AND error`,
    () => sql`path = 'bot'`,
  ),
  offer_conversion: shareOf(
    () => sql`offer = 'accepted'`,
    () => sql`offer IN ('accepted', 'declined')`,
  ),
  revenue_per_contact: {
    kind: 'aggregate',
    source: 'contacts',
    aggregates: () => ({ n: sql`count(*)`, value: sql`sum(revenue) / nullif(count(*), 0)` }),
    finish: (row) => ({ kind: 'bootstrapped', value: numOrNull(row, 'value'), n: num(row, 'n') }),
    histogram: { statistic: 'mean', value: sql`CAST(revenue AS DOUBLE PRECISION)`, where: sql`true` },
  },
};
