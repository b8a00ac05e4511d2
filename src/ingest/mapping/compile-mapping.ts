import { datasetDef } from '../../core/dataset/catalog.js';
import { fail, type Issue, ok, type Result } from '../../core/issues.js';
import { join, raw, type Sql, sql } from '../../core/sql/fragment.js';
import { suggest } from '../../core/yaml/reporter.js';
import { toBool, toText } from './convert.js';
import { datetimeSql } from './datetime.js';
import { compileExpr } from './expr-sql.js';
import type { ColumnRule, CompiledMapping, Expr, ExprContext, ExprSource, MappingSpec } from './types.js';

export type { CompiledMapping } from './types.js';

/**
 * Compiles a mapping against a source file's header. `resolve(i)` is the SQL reference of
 * header[i] (a VARCHAR column); every literal of the mapping is a bound parameter.
 */
export function compileMapping(
  spec: MappingSpec,
  header: string[],
  resolve: (sourceIndex: number) => Sql,
): Result<CompiledMapping> {
  const issues: Issue[] = [];
  const used = new Set<number>();
  const find = headerLookup(header);

  const context = (source: ExprSource): ExprContext => ({
    column(node) {
      const found = find(node.name);
      if (typeof found === 'number') {
        used.add(found);
        return resolve(found);
      }
      issues.push(issueAt(spec, source, node, found.code, found.message + constantHint(source, node)));
      return raw('CAST(NULL AS VARCHAR)');
    },
    issue(node, code, message) {
      issues.push(issueAt(spec, source, node, code, message));
    },
  });
  const expression = (source: ExprSource) => compileExpr(source.expr, context(source));

  const columns = new Map<string, Sql>();
  for (const [name, rule] of spec.columns) columns.set(name, compileRule(rule, expression));

  const zones = new Map<string, string>();
  for (const column of datasetDef(spec.dataset).columns) {
    const rule = spec.columns.get(column.name);
    if (column.type.kind !== 'timestamp' || !rule) continue;
    const zone = rule.kind === 'datetime' ? (rule.timezone ?? spec.timezone) : spec.timezone;
    if (zone !== undefined) zones.set(column.name, zone);
  }

  const conditions = spec.filter.map((source) => sql`coalesce(${toBool(expression(source))}, false)`);
  const filter = conditions.length === 0 ? null : sql`(${join(conditions, ' AND ')})`;

  if (issues.length > 0) return fail(issues);
  const sourceColumns = [...used].sort((a, b) => a - b).map((index) => header[index] as string);
  return ok({ name: spec.name, dataset: spec.dataset, columns, zones, filter, sourceColumns });
}

function compileRule(
  rule: ColumnRule,
  expression: (source: ExprSource) => ReturnType<typeof compileExpr>,
): Sql {
  switch (rule.kind) {
    case 'expr':
      return toText(expression(rule.source));
    case 'const':
      return rule.value === null ? raw('CAST(NULL AS VARCHAR)') : sql`CAST(${rule.value} AS VARCHAR)`;
    case 'values': {
      const from = toText(expression(rule.from));
      const fallback = rule.default ? text(rule.default.value) : from;
      if (rule.values.size === 0) return sql`(CASE WHEN ${from} IS NULL THEN NULL ELSE ${fallback} END)`;
      const arms = [...rule.values].map(
        ([key, value]) => sql`WHEN CAST(${key} AS VARCHAR) THEN ${text(value)}`,
      );
      return sql`(CASE WHEN ${from} IS NULL THEN NULL ELSE (CASE ${from} ${join(arms, ' ')} ELSE ${fallback} END) END)`;
    }
    case 'datetime': {
      const date = toText(expression(rule.date));
      const time = rule.time ? toText(expression(rule.time)) : null;
      const format = rule.time ? `${rule.dateFormat} ${rule.timeFormat}` : rule.dateFormat;
      return datetimeSql(date, time, format, rule.output);
    }
  }
}

const text = (value: string | null): Sql =>
  value === null ? raw('CAST(NULL AS VARCHAR)') : sql`CAST(${value} AS VARCHAR)`;

type Lookup = number | { code: string; message: string };

/** Source columns by exact name, else by a unique case-insensitive, trimmed match. */
function headerLookup(header: string[]): (name: string) => Lookup {
  const listing = header
    .map((name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name}\``))
    .join(', ');
  const normal = (name: string) => name.trim().toLowerCase();
  return (name) => {
    let matches = header.flatMap((candidate, index) => (candidate === name ? [index] : []));
    if (matches.length === 0)
      matches = header.flatMap((candidate, index) => (normal(candidate) === normal(name) ? [index] : []));
    if (matches.length === 1) return matches[0] as number;
    if (matches.length > 1) {
      const where = matches.map((index) => index + 1).join(', ');
      return {
        code: 'ambiguous_source_column',
        message: `the file has ${matches.length} columns named ${name} (columns ${where})`,
      };
    }
    const hint = suggest(name, header);
    return {
      code: 'unknown_source_column',
      message: `the file has no column ${name}${hint}; it has ${listing}`,
    };
  };
}

/** `channel: voice` reads the column voice: say how to write the text instead. */
function constantHint(source: ExprSource, node: Expr): string {
  const whole = source.expr === node && source.path.length === 3 && source.path[1] === 'columns';
  return whole && node.kind === 'column'
    ? ` (for the text ${node.name} write '...' in quotes or { const: ... })`
    : '';
}

function issueAt(spec: MappingSpec, source: ExprSource, node: Expr, code: string, message: string): Issue {
  return { code, path: source.path, message, file: spec.file, line: node.loc.line, column: node.loc.column };
}
