import type { Dialect } from '../sql/dialect.js';
import { join, raw, type Sql, sql } from '../sql/fragment.js';
import { buckets } from '../time/buckets.js';
import { daysBetweenInclusive } from '../time/calendar.js';
import { bucketLabel } from './bucket-sql.js';
import { contactsSource, groupBy, groupSelect } from './contacts-source.js';
import type { AggregatePlan, MetricPlan, ParamValue, PlanContext, QueryPlan } from './plan-types.js';
import { compileRollup, rollupEligible } from './rollup.js';
import type { Scope } from './scope.js';

export interface MetricRequest {
  metric: string;
  plan: MetricPlan;
  params: Record<string, ParamValue>;
}

/** One statement to run and how its rows map back to metric statistics. */
export interface CompiledQuery {
  statement: Sql;
  /** For each row: which request it feeds, the group (dimension values, bucket label) and its stats. */
  decode(
    row: Record<string, unknown>,
  ): { request: number; group: Record<string, string>; stats: Record<string, unknown> }[];
}

/**
 * Turns metric requests into statements (pure): every aggregate metric over the scoped
 * contacts shares ONE scan; each other metric has its own query, run per bucket when it
 * cannot bucket by itself.
 */
export function compileMetrics(requests: MetricRequest[], scope: Scope, dialect: Dialect): CompiledQuery[] {
  const compiled: CompiledQuery[] = [];
  const aggregates = requests
    .map((request, index) => ({ request, index }))
    .filter(
      (r): r is { request: MetricRequest & { plan: AggregatePlan }; index: number } =>
        r.request.plan.kind === 'aggregate',
    );
  if (aggregates.length > 0) {
    // Where the store keeps daily rollups, the metrics whose parts add up read them (rollup.ts).
    const { rolled, rest } = dialect.dailyRollups
      ? rollupEligible(aggregates, scope, dialect)
      : { rolled: [], rest: aggregates };
    const fromRollup = rolled.length > 0 ? compileRollup(rolled, scope, dialect) : null;
    if (fromRollup) compiled.push(fromRollup);
    const scanned = fromRollup ? rest : aggregates;
    if (scanned.length > 0) compiled.push(compileAggregates(scanned, scope, dialect));
  }
  compiled.push(...compileQueryPlans(requests, scope, dialect));
  return compiled;
}

/** The statements of the metrics with queries of their own (not the shared contacts scan). */
export function compileQueryPlans(
  requests: MetricRequest[],
  scope: Scope,
  dialect: Dialect,
): CompiledQuery[] {
  return requests.flatMap((request, index) =>
    request.plan.kind === 'query' ? compileQuery(request.plan, request.params, index, scope, dialect) : [],
  );
}

export function groupOf(
  row: Record<string, unknown>,
  ctx: PlanContext,
  fixedBucket?: string,
): Record<string, string> {
  const group: Record<string, string> = {};
  for (const dim of ctx.scope.by)
    group[dim] = row[dim] === null || row[dim] === undefined ? '' : String(row[dim]);
  if (fixedBucket !== undefined) group.bucket = fixedBucket;
  else if (ctx.scope.grain) group.bucket = bucketLabel(ctx, Number(row.bucket));
  return group;
}

function compileAggregates(
  items: { request: MetricRequest & { plan: AggregatePlan }; index: number }[],
  scope: Scope,
  dialect: Dialect,
): CompiledQuery {
  const columns: Sql[] = [];
  const names: { index: number; stat: string; column: string }[] = [];
  for (const { request, index } of items) {
    const ctx: PlanContext = { scope, params: request.params, dialect };
    for (const [stat, expression] of Object.entries(request.plan.aggregates(ctx))) {
      const column = `m${index}_${stat}`;
      names.push({ index, stat, column });
      columns.push(sql`${expression} AS ${raw(column)}`);
    }
  }
  const ctx: PlanContext = { scope, params: {}, dialect };
  const statement = sql`SELECT ${groupSelect(scope)}${join(columns)} FROM (${contactsSource(ctx)}) c${groupBy(scope)}`;
  return {
    statement,
    decode: decodeStats(ctx, items, names),
  };
}

function compileQuery(
  plan: QueryPlan,
  params: Record<string, ParamValue>,
  index: number,
  scope: Scope,
  dialect: Dialect,
): CompiledQuery[] {
  if (!scope.grain || plan.buckets) {
    const ctx: PlanContext = { scope, params, dialect };
    return [
      {
        statement: plan.query(ctx),
        decode: (row) => [{ request: index, group: groupOf(row, ctx), stats: row }],
      },
    ];
  }
  // A metric that cannot bucket by itself is asked once per bucket, each a period of its own.
  return buckets(scope.period, scope.zone, scope.grain).map((bucket) => {
    const period = {
      ...scope.period,
      ...bucket,
      days: daysBetweenInclusive(bucket.startDate, bucket.endDate),
    };
    const ctx: PlanContext = { scope: { ...scope, period, grain: undefined }, params, dialect };
    return {
      statement: plan.query(ctx),
      decode: (row) => [{ request: index, group: groupOf(row, ctx, bucket.label), stats: row }],
    };
  });
}

/** Splits one row of a merged statement back into each request's statistics (columns m<i>_<stat>). */
export function decodeStats(
  ctx: PlanContext,
  items: readonly { index: number }[],
  names: readonly { index: number; stat: string; column: string }[],
): CompiledQuery['decode'] {
  return (row) => {
    const group = groupOf(row, ctx);
    return items.map(({ index }) => {
      const stats: Record<string, unknown> = {};
      for (const name of names.filter((n) => n.index === index)) stats[name.stat] = row[name.column];
      return { request: index, group, stats };
    });
  };
}
