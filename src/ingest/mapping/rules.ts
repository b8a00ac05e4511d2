import { isMap, isPair, type Node } from 'yaml';
import type { ColumnDef } from '../../core/dataset/types.js';
import { parseExpression } from '../../core/expr/parse.js';
import { raw } from '../../core/sql/fragment.js';
import { reportZodIssues } from '../../core/yaml/report-zod.js';
import { type Reporter, scalarText } from '../../core/yaml/reporter.js';
import { checkDateFormat, checkTimeFormat, DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT } from './datetime.js';
import { compileExpr } from './expr-sql.js';
import { constSchema, datetimeSchema, valuesSchema } from './schema.js';
import type { ColumnRule, ExprContext, ExprSource, ExprType } from './types.js';

type Path = (string | number)[];

/** An IANA zone name Intl knows (offsets like +01:00 are not zones). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parses and type-checks the expression at `path`; reports problems and returns null on a syntax error. */
export function expressionAt(
  rep: Reporter,
  path: Path,
  text: string,
): { source: ExprSource; type: ExprType } | null {
  const node = rep.locator.node(path);
  const parsed = parseExpression(text, (offset) => rep.locator.inScalar(node, offset));
  if (!parsed.ok) {
    const where = rep.locator.inScalar(node, parsed.offset);
    rep.at(
      'expression_syntax',
      path,
      `${parsed.message} (at character ${parsed.offset + 1} of: ${text})`,
      where,
    );
    return null;
  }
  const check: ExprContext = {
    column: () => raw('NULL'),
    issue: (at, code, message) => rep.at(code, path, message, at.loc),
  };
  const { type } = compileExpr(parsed.expr, check);
  return { source: { text, expr: parsed.expr, path, loc: rep.locator.loc(node) }, type };
}

const RULE_FORMS =
  'a column is an expression ("lower(status)"), a number or boolean constant, null, { const: value }, { from: expr, values: {...}, default: value } or { date: expr, time: expr, dateFormat: \'%Y-%m-%d\' }';

/** The rule of canonical column `def` (undefined when the dataset is unknown) at `path`. */
export function columnRule(
  rep: Reporter,
  path: Path,
  value: unknown,
  def: ColumnDef | undefined,
  zone: string | undefined,
): ColumnRule | null {
  const loc = rep.locator.loc(rep.locator.node(path));
  const requiredNull = () => {
    if (def?.required) rep.node('required_null', path, `${def.name} is required: it cannot be null`);
  };
  if (typeof value === 'string') {
    const parsed = expressionAt(rep, path, value);
    return parsed && { kind: 'expr', source: parsed.source, path, loc };
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    if (value === null) requiredNull();
    return { kind: 'const', value: scalarText(rep.locator.node(path)), path, loc };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    rep.node('invalid_rule', path, RULE_FORMS);
    return null;
  }
  if ('const' in value) {
    const checked = constSchema.safeParse(value);
    if (!checked.success) {
      reportZodIssues(checked.error, constSchema, value, rep, path);
      return null;
    }
    if (checked.data.const === null) requiredNull();
    return { kind: 'const', value: scalarText(rep.locator.node([...path, 'const'])), path, loc };
  }
  if ('from' in value || 'values' in value) {
    const checked = valuesSchema.safeParse(value);
    if (!checked.success) {
      reportZodIssues(checked.error, valuesSchema, value, rep, path);
      return null;
    }
    const from = expressionAt(rep, [...path, 'from'], checked.data.from);
    const values = valueMap(rep.locator.node([...path, 'values']));
    const fallback =
      'default' in value ? { value: scalarText(rep.locator.node([...path, 'default'])) } : undefined;
    if (fallback?.value === null) requiredNull();
    return (
      from && {
        kind: 'values',
        from: from.source,
        values,
        ...(fallback ? { default: fallback } : {}),
        path,
        loc,
      }
    );
  }
  if ('date' in value || 'time' in value) return datetimeRule(rep, path, value, def, zone);
  rep.node('invalid_rule', path, RULE_FORMS);
  return null;
}

/** Source text -> canonical text, keys as written (01 stays 01). */
function valueMap(node: Node | null): Map<string, string | null> {
  const values = new Map<string, string | null>();
  if (!isMap(node)) return values;
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const key = scalarText(item.key as Node) ?? '';
    values.set(key, scalarText(item.value as Node));
  }
  return values;
}

function datetimeRule(
  rep: Reporter,
  path: Path,
  value: object,
  def: ColumnDef | undefined,
  specZone: string | undefined,
): ColumnRule | null {
  const checked = datetimeSchema.safeParse(value);
  if (!checked.success) {
    reportZodIssues(checked.error, datetimeSchema, value, rep, path);
    return null;
  }
  const { data } = checked;
  const kind = def?.type.kind ?? 'timestamp';
  if (kind !== 'timestamp' && kind !== 'date') {
    rep.node(
      'not_a_time_column',
      path,
      `${def?.name} is a ${kind} column: a { date, time } rule builds a timestamp or date`,
    );
    return null;
  }
  const date = expressionAt(rep, [...path, 'date'], data.date);
  const time = data.time === undefined ? null : expressionAt(rep, [...path, 'time'], data.time);
  const dateFormat = data.dateFormat ?? DEFAULT_DATE_FORMAT;
  const timeFormat = data.timeFormat ?? DEFAULT_TIME_FORMAT;
  const dateProblem = checkDateFormat(dateFormat);
  if (dateProblem) rep.node('bad_date_format', [...path, 'dateFormat'], dateProblem);
  const timeProblem = data.time === undefined ? null : checkTimeFormat(timeFormat);
  if (timeProblem) rep.node('bad_time_format', [...path, 'timeFormat'], timeProblem);
  if (data.timezone !== undefined && !isTimeZone(data.timezone)) {
    rep.node(
      'unknown_timezone',
      [...path, 'timezone'],
      `unknown time zone ${data.timezone}: use an IANA name like Europe/Lisbon`,
    );
  }
  const timezone = data.timezone ?? specZone;
  if (kind === 'timestamp' && timezone === undefined) {
    rep.node(
      'missing_timezone',
      path,
      'this builds a local time: set spec.timezone (or timezone: on the column)',
    );
  }
  if (!date || (data.time !== undefined && !time) || dateProblem || timeProblem) return null;
  return {
    kind: 'datetime',
    date: date.source,
    ...(time ? { time: time.source } : {}),
    dateFormat,
    timeFormat,
    output: kind,
    ...(kind === 'timestamp' && timezone !== undefined ? { timezone } : {}),
    path,
    loc: rep.locator.loc(rep.locator.node(path)),
  };
}
