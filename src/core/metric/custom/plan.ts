import { datasetDef } from '../../dataset/catalog.js';
import { join, raw, type Sql, sql } from '../../sql/fragment.js';
import { bucketExpression } from '../bucket-sql.js';
import { contactFilters, groupBy, groupSelect } from '../contacts-source.js';
import type { PlanContext, QueryPlan, StatsRow, Sufficient } from '../plan-types.js';
import { CONTACT_COLUMN, DIMENSIONS, type Dimension } from '../scope.js';
import type { MetricInfo } from '../types.js';
import { compileMetricExpr } from './expr-sql.js';
import type { CustomMetric, MetricExpr } from './types.js';

/** The catalog entry of a custom metric: what the CLI, API, glossary and contracts read. */
export function customInfo(metric: CustomMetric): MetricInfo {
  const formula = {
    share: `rows where ${metric.numerator?.text} / rows${metric.where ? ` where ${metric.where.text}` : ''}`,
    mean: `mean of ${metric.value?.text}${metric.where ? ` where ${metric.where.text}` : ''}`,
    count: `count of rows${metric.where ? ` where ${metric.where.text}` : ''}`,
    ratio: `sum(${metric.numerator?.text}) / sum(${metric.denominator?.text})${metric.where ? ` where ${metric.where.text}` : ''}`,
  }[metric.type];
  return {
    id: metric.id,
    family: 'custom',
    label: metric.label,
    unit: metric.unit,
    direction: metric.direction,
    formula: `${metric.description} (${metric.dataset}: ${formula})`,
    n: metric.type === 'mean' ? `${metric.dataset} rows with a value` : `${metric.dataset} rows`,
    datasets: [metric.dataset],
    params: metric.params,
    interval: { share: 'wilson', mean: 'student_t', count: 'none', ratio: 'bootstrap' }[
      metric.type
    ] as MetricInfo['interval'],
    maturity: { after: 'period_end' },
  };
}

/**
 * The dimensions a metric's dataset can be cut by: its own columns (agent reads agent_id),
 * and, for the workforce datasets keyed by agent, the agent's vendor and site.
 */
export function datasetDimensions(metric: CustomMetric): Dimension[] {
  const names = datasetDef(metric.dataset).columns.map((c) => c.name);
  const byAgent = names.includes('agent_id') ? ['vendor', 'site'] : [];
  return DIMENSIONS.filter((dim) => names.includes(CONTACT_COLUMN[dim]) || byAgent.includes(dim));
}

/** Vendor and site of a row keyed by agent, from the agents roster (when the dataset has neither). */
function agentColumns(names: readonly string[]): Sql[] {
  if (!names.includes('agent_id')) return [];
  const fromAgent = (column: string) =>
    raw(
      `(SELECT a.${column} FROM agents a WHERE a.tenant = t.tenant AND a.agent_id = t.agent_id) AS ${column}`,
    );
  return [
    ...(['vendor', 'site'] as const).filter((c) => !names.includes(c)).map(fromAgent),
    raw('t.agent_id AS agent'),
  ];
}

const num = (row: StatsRow, name: string) => Number(row[name] ?? 0);
const numOrNull = (row: StatsRow, name: string) =>
  row[name] === null || row[name] === undefined ? null : Number(row[name]);

/**
 * How a custom metric is computed: one query over its dataset in scope (tenant, the
 * period on the dataset's time column, the dimension filters), grouped by the asked
 * dimensions and bucket, returning the sufficient statistics of its type.
 */
export function customPlan(metric: CustomMetric): QueryPlan {
  const def = datasetDef(metric.dataset);
  const time = raw(def.timeColumn as string);
  const compile = (ctx: PlanContext, expr: MetricExpr | null, fallback: Sql): Sql =>
    expr
      ? compileMetricExpr(expr.expr, {
          columns: def.columns,
          params: metric.params,
          values: ctx.params,
          dialect: ctx.dialect,
          issue: () => undefined, // checked when the metric was applied
        }).sql
      : fallback;
  const source = (ctx: PlanContext): Sql => {
    const { scope, dialect } = ctx;
    const names = def.columns.map((c) => c.name);
    const columns = names.map((name) => raw(`t.${name}`));
    const bucket = scope.grain ? [sql`${bucketExpression(ctx, sql`t.${time}`)} AS bucket`] : [];
    const where = compile(ctx, metric.where, sql`true`);
    // Rows of the tenant and period first; then the dimension filters and the population.
    const rows = sql`SELECT ${join([...columns, ...agentColumns(names), ...bucket])} FROM ${raw(metric.dataset)} t
      WHERE t.tenant = ${scope.tenant} AND t.${time} >= ${dialect.instant(scope.period.start)} AND t.${time} < ${dialect.instant(scope.period.end)}`;
    return sql`SELECT * FROM (${rows}) x WHERE true ${contactFilters(scope)} AND coalesce(${where}, false)`;
  };
  const stats = (ctx: PlanContext): Sql => {
    switch (metric.type) {
      case 'share':
        return sql`count(*) FILTER (WHERE coalesce(${compile(ctx, metric.numerator, sql`false`)}, false)) AS k, count(*) AS n`;
      case 'mean': {
        const value = compile(ctx, metric.value, sql`NULL`);
        return sql`count(${value}) AS n, avg(${value}) AS mean, stddev_samp(${value}) AS sd`;
      }
      case 'count':
        return sql`count(*) AS n`;
      case 'ratio': {
        const [a, b] = [compile(ctx, metric.numerator, sql`0`), compile(ctx, metric.denominator, sql`0`)];
        return sql`count(*) AS n, sum(${a}) AS a, sum(${b}) AS b`;
      }
    }
  };
  return {
    kind: 'query',
    buckets: true,
    dimensions: datasetDimensions(metric),
    query: (ctx) =>
      sql`SELECT ${groupSelect(ctx.scope)}${stats(ctx)} FROM (${source(ctx)}) d${groupBy(ctx.scope)}`,
    finish: (row): Sufficient => {
      switch (metric.type) {
        case 'share':
          return { kind: 'share', k: num(row, 'k'), n: num(row, 'n') };
        case 'mean':
          return { kind: 'mean', n: num(row, 'n'), mean: numOrNull(row, 'mean'), sd: numOrNull(row, 'sd') };
        case 'count':
          return { kind: 'count', value: num(row, 'n') };
        case 'ratio': {
          const b = numOrNull(row, 'b');
          const a = numOrNull(row, 'a');
          return { kind: 'ratio', value: a === null || !b ? null : a / b, n: num(row, 'n') };
        }
      }
    },
    ...(metric.type === 'ratio'
      ? {
          histogram: {
            statistic: 'ratio' as const,
            // Each row is a unit: its (numerator, denominator) pair, counted, resampled by the runner.
            query: (ctx: PlanContext) => {
              const [a, b] = [
                compile(ctx, metric.numerator, sql`0`),
                compile(ctx, metric.denominator, sql`0`),
              ];
              return sql`SELECT ${groupSelect(ctx.scope)}a, b, count(*) AS w FROM (SELECT *, coalesce(${a}, 0) AS a, coalesce(${b}, 0) AS b FROM (${source(ctx)}) s) d${groupBy(ctx.scope, ['a', 'b'])}`;
            },
          },
        }
      : {}),
  };
}
