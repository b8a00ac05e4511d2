import type { DatasetDef } from '../core/dataset/types.js';
import { join, raw, type Sql, sql } from '../core/sql/fragment.js';
import { columnCheck } from './column-checks.js';

/** Where each canonical column's text comes from, as SQL over the source relation. */
export interface StagePlan {
  def: DatasetDef;
  /** The source: a SELECT or table function yielding the referenced source columns. */
  source: Sql;
  /** Canonical column -> VARCHAR expression; a column absent here is blank. */
  columns: Map<string, Sql>;
  /** Zone for offset-less timestamps, per column (mappings) or for all (--timezone). */
  zones: Map<string, string>;
  defaultZone: string | null;
  /** Record number expression, or null to number rows by their order in the staged table. */
  record: Sql | null;
  /** Rows where this is not true are dropped by a mapping's filter. */
  keep: Sql | null;
  /** Source columns the dataset does not name: kept as JSON in `extra`. */
  extras: { name: string; ref: Sql }[];
  /** Problems only the source can see (a float in a money column): struct or NULL. */
  sourceProblems: Sql[];
  /** Reason a record cannot be read at all (bad JSON): then it is the only problem. */
  unreadable: Sql | null;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
const vcol = (name: string) => raw(q(`v_${name}`));
const tcol = (name: string) => raw(q(`t_${name}`));
const scol = (name: string) => raw(q(`s_${name}`));

/**
 * One SELECT that reads the source once and yields, per row: the record number, the typed
 * canonical columns, the extras and the list of problems ({column, value, reason}), NULL
 * when the row has none.
 */
export function stageSelect(plan: StagePlan): Sql {
  const { def } = plan;
  // Innermost layer: each column's text once; the next trims it. trim() copies every value
  // and removes Unicode spaces too, so only values with a space at either end or any
  // non-ASCII character go through it.
  const sources = def.columns.map(
    (column) => sql`CAST(${plan.columns.get(column.name) ?? sql`NULL`} AS VARCHAR) AS ${scol(column.name)}`,
  );
  const texts = def.columns.map((column) => {
    const s = scol(column.name);
    const trimmed = sql`CASE WHEN starts_with(${s}, ' ') OR ends_with(${s}, ' ') OR strlen(${s}) <> length(${s}) THEN NULLIF(trim(${s}), '') ELSE NULLIF(${s}, '') END`;
    return sql`${trimmed} AS ${vcol(column.name)}`;
  });
  const extras =
    plan.extras.length === 0
      ? sql`NULL::JSON`
      : sql`json_object(${join(plan.extras.map((extra) => sql`${extra.name}, ${extra.ref}`))})`;
  const read = sql`SELECT ${plan.record ?? sql`NULL::BIGINT`} AS record, ${plan.keep ?? sql`true`} AS keep,
    ${plan.unreadable ?? sql`NULL`} AS unreadable,
    ${extras} AS extra, ${plan.sourceProblems.length === 0 ? sql`NULL` : sql`list_value(${join(plan.sourceProblems)})`} AS source_problems,
    ${join(sources)} FROM ${plan.source}`;
  const inner = sql`SELECT record, keep, unreadable, extra, source_problems, ${join(texts)} FROM (${read})`;

  // Middle layer: the typed values, each computed once.
  const typed = def.columns.map((column) => {
    const v = vcol(column.name);
    const withDefault = column.default === undefined ? v : sql`coalesce(${v}, ${column.default})`;
    return sql`${columnCheck(column, withDefault, zoneOf(plan, column.name)).typed} AS ${tcol(column.name)}`;
  });
  const passThrough = def.columns.map((column) => vcol(column.name));
  const middle = sql`SELECT record, keep, extra, source_problems, unreadable, ${join(typed)}, ${join(passThrough)} FROM (${inner})`;

  // Last layer: a cheap test that a row is fine (nearly every row) and, only for the others,
  // the list of its problems. Both come from the same `valid` test, so they cannot disagree.
  const checks = def.columns.map((column) => {
    const v = vcol(column.name);
    const check = columnCheck(column, v, zoneOf(plan, column.name));
    const valid = check.valid ? sql`(${check.valid(tcol(column.name))}) IS TRUE` : null;
    const blank = column.required ? sql`'required value is missing'` : sql`NULL`;
    const bad = valid ? sql`WHEN NOT ${valid} THEN ${check.reason}` : sql``;
    if (column.default !== undefined) {
      // A blank takes the default, which the typed value checks.
      return { column: column.name, value: v, ok: valid, reason: valid ? sql`CASE ${bad} END` : sql`NULL` };
    }
    const ok = column.required
      ? sql`${v} IS NOT NULL${valid ? sql` AND ${valid}` : sql``}`
      : valid && sql`(${v} IS NULL OR ${valid})`;
    return {
      column: column.name,
      value: v,
      ok,
      reason: sql`CASE WHEN ${v} IS NULL THEN ${blank} ${bad} END`,
    };
  });
  for (const rule of def.rules) {
    const { later, earlier, strict } = rule.notBefore;
    const wrong = strict ? sql`${tcol(later)} <= ${tcol(earlier)}` : sql`${tcol(later)} < ${tcol(earlier)}`;
    checks.push({
      column: rule.column,
      value: vcol(rule.column),
      ok: sql`(${wrong}) IS NOT TRUE`,
      reason: sql`CASE WHEN ${wrong} THEN ${`${rule.message} (${earlier} `} || ${vcol(earlier)} || ')' END`,
    });
  }
  const listed = sql`[${join(checks.map((c) => sql`{'column': ${c.column}, 'value': ${c.value}, 'reason': ${c.reason}}`))}]`;
  const all = plan.sourceProblems.length === 0 ? listed : sql`list_concat(source_problems, ${listed})`;
  const fine = [
    ...checks.flatMap((c) => (c.ok ? [c.ok] : [])),
    ...(plan.sourceProblems.length === 0
      ? []
      : [sql`len(list_filter(source_problems, p -> p IS NOT NULL)) = 0`]),
  ];
  const problems = sql`CASE WHEN ${fine.length === 0 ? sql`true` : join(fine, ' AND ')} THEN NULL
    ELSE list_filter(${all}, p -> p.reason IS NOT NULL) END`;
  const checked = plan.unreadable
    ? sql`CASE WHEN unreadable IS NOT NULL THEN [{'column': NULL, 'value': NULL, 'reason': unreadable}] ELSE ${problems} END`
    : problems;
  const outputs = def.columns.map((column) => sql`${tcol(column.name)} AS ${raw(q(column.name))}`);
  return sql`SELECT record, keep, extra, ${join(outputs)}, ${checked} AS problems FROM (${middle})`;
}

const zoneOf = (plan: StagePlan, name: string) => plan.zones.get(name) ?? plan.defaultZone;
