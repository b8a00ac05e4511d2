import type { Dialect } from '../sql/dialect.js';
import { join, raw, type Sql, sql } from '../sql/fragment.js';
import type { CompiledQuery, MetricRequest } from './compile.js';
import { decodeStats } from './compile.js';
import { contactsSource, groupSelect } from './contacts-source.js';
import type { AggregatePlan, PlanContext } from './plan-types.js';
import type { Scope } from './scope.js';

/**
 * The aggregate metrics of several periods in ONE scan (pure): a report that asks the term
 * and each of its quarters reads the contacts once instead of once per period. Each
 * contact falls in at most one of the disjoint periods (a CASE on its start gives which);
 * a period spanning all the others (the term) is the grand total of the same scan
 * (GROUPING SETS). The aggregates are the same expressions over the same rows as
 * compileMetrics' scan of each period alone. Only when the periods are so (disjoint, plus
 * at most one spanning them all), every period's aggregates compile to the same SQL (a
 * plan that reads its period inside its aggregates is asked per period) and none is a
 * series (grain); otherwise null. The decode names the scopes a row answers.
 */
export function compileAggregatesOverPeriods(
  items: { request: MetricRequest & { plan: AggregatePlan }; index: number }[],
  scopes: Scope[],
  dialect: Dialect,
): (CompiledQuery & { scopesOf(row: Record<string, unknown>): number[] }) | null {
  const [first] = scopes;
  if (!first || items.length === 0) return null;
  if (scopes.some((s) => s.grain !== undefined)) return null;
  const sameElsewhere = (s: Scope) =>
    JSON.stringify({ ...s, period: null }) === JSON.stringify({ ...first, period: null });
  if (!scopes.every(sameElsewhere)) return null;
  const columnsOf = (scope: Scope) =>
    items.flatMap(({ request, index }) =>
      Object.entries(request.plan.aggregates({ scope, params: request.params, dialect })).map(
        ([stat, expression]) => ({ index, stat, column: `m${index}_${stat}`, expression }),
      ),
    );
  const columns = columnsOf(first);
  const text = (cols: typeof columns) => JSON.stringify(cols.map((c) => [c.column, c.expression]));
  if (!scopes.every((s) => text(columnsOf(s)) === text(columns))) return null;
  const layout = periodLayout(scopes);
  if (!layout) return null;

  const ctx: PlanContext = { scope: first, params: {}, dialect };
  const cases = layout.parts.map(
    (p, i) =>
      sql`WHEN started_at >= ${dialect.instant(p.start)} AND started_at < ${dialect.instant(p.end)} THEN ${dialect.integer(i)}`,
  );
  const by = first.by.join(', ');
  const grouping = layout.spanning
    ? sql`GROUPING SETS ((period_index${raw(by ? `, ${by}` : '')}), (${raw(by)}))`
    : sql`period_index${raw(by ? `, ${by}` : '')}`;
  const statement: Sql = sql`SELECT CASE ${join(cases, ' ')} END AS period_index, ${
    layout.spanning ? sql`GROUPING(period_index) AS spanning, ` : sql``
  }${groupSelect(first)}${join(columns.map((c) => sql`${c.expression} AS ${raw(c.column)}`))}
    FROM (${contactsSource(ctx, { start: layout.start, end: layout.end })}) c
    GROUP BY ${grouping}`;
  return {
    statement,
    decode: decodeStats(ctx, items, columns),
    scopesOf: (row) => {
      if (Number(row.spanning ?? 0) === 1) return layout.spanning ?? [];
      // Contacts between the disjoint periods (none in a term cut into quarters) answer nothing.
      if (row.period_index === null || row.period_index === undefined) return [];
      return layout.parts[Number(row.period_index)]?.scopes ?? [];
    },
  };
}

interface Part {
  start: string;
  end: string;
  scopes: number[];
}

/** The distinct periods as disjoint parts and at most one spanning them all; null when they are not so. */
function periodLayout(
  scopes: Scope[],
): { parts: Part[]; spanning: number[] | null; start: string; end: string } | null {
  const distinct = new Map<string, Part>();
  scopes.forEach((s, i) => {
    const key = `${s.period.start}/${s.period.end}`;
    const part = distinct.get(key) ?? { start: s.period.start, end: s.period.end, scopes: [] };
    part.scopes.push(i);
    distinct.set(key, part);
  });
  const all = [...distinct.values()].sort((a, b) => cmp(a.start, b.start) || cmp(b.end, a.end));
  if (all.length < 2) return null;
  const start = all[0]?.start as string;
  const end = all
    .map((p) => p.end)
    .sort(cmp)
    .at(-1) as string;
  const spanning = all[0]?.start === start && all[0]?.end === end ? (all[0] as Part) : null;
  const parts = spanning ? all.slice(1) : all;
  for (let i = 1; i < parts.length; i++) {
    if (cmp((parts[i - 1] as Part).end, (parts[i] as Part).start) > 0) return null;
  }
  return { parts, spanning: spanning?.scopes ?? null, start, end };
}

/** Instants compared as instants (the texts may differ in form). */
const cmp = (a: string, b: string) => Date.parse(a) - Date.parse(b);
