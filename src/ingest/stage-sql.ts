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

  // Reasons layer: each column's reason (NULL when fine), reading the typed values.
  const reasons: { column: string; value: Sql; reason: Sql }[] = def.columns.map((column) => {
    const v = vcol(column.name);
    const problem = columnCheck(column, v, zoneOf(plan, column.name)).problem(tcol(column.name));
    const blank = column.required ? sql`'required value is missing'` : sql`NULL`;
    const reason =
      column.default === undefined ? sql`CASE WHEN ${v} IS NULL THEN ${blank} ELSE ${problem} END` : problem;
    return { column: column.name, value: v, reason };
  });
  for (const rule of def.rules) {
    const { later, earlier, strict } = rule.notBefore;
    const wrong = strict ? sql`${tcol(later)} <= ${tcol(earlier)}` : sql`${tcol(later)} < ${tcol(earlier)}`;
    reasons.push({
      column: rule.column,
      value: vcol(rule.column),
      reason: sql`CASE WHEN ${wrong} THEN ${`${rule.message} (${earlier} `} || ${vcol(earlier)} || ')' END`,
    });
  }
  const reasonCols = reasons.map(
    (r, i) => sql`${r.reason} AS ${raw(`r_${i}`)}, ${r.value} AS ${raw(`rv_${i}`)}`,
  );
  const typedNames = def.columns.map((column) => tcol(column.name));
  const withReasons = sql`SELECT record, keep, extra, source_problems, unreadable, ${join(typedNames)}, ${join(reasonCols)} FROM (${middle})`;

  const structs = reasons.map(
    (r, i) =>
      sql`CASE WHEN ${raw(`r_${i}`)} IS NOT NULL THEN {'column': ${r.column}, 'value': ${raw(`rv_${i}`)}, 'reason': ${raw(`r_${i}`)}} END`,
  );
  const outputs = def.columns.map((column) => sql`${tcol(column.name)} AS ${raw(q(column.name))}`);
  const listed = sql`[${join(structs)}]`;
  const all = plan.sourceProblems.length === 0 ? listed : sql`list_concat(source_problems, ${listed})`;
  // A clean row (nearly every row) gets NULL without building its list of 20 structs.
  const clean = join(
    [
      ...reasons.map((_, i) => sql`${raw(`r_${i}`)} IS NULL`),
      ...(plan.sourceProblems.length === 0
        ? []
        : [sql`len(list_filter(source_problems, p -> p IS NOT NULL)) = 0`]),
    ],
    ' AND ',
  );
  const problems = sql`CASE WHEN ${clean} THEN NULL ELSE list_filter(${all}, p -> p IS NOT NULL) END`;
  const checked = plan.unreadable
    ? sql`CASE WHEN unreadable IS NOT NULL THEN [{'column': NULL, 'value': NULL, 'reason': unreadable}] ELSE ${problems} END`
    : problems;
  return sql`SELECT record, keep, extra, ${join(outputs)}, ${checked} AS problems FROM (${withReasons})`;
}

const zoneOf = (plan: StagePlan, name: string) => plan.zones.get(name) ?? plan.defaultZone;
