import { raw, type Sql, sql } from '../../core/sql/fragment.js';
import type { Expr, ExprContext, ExprType } from './types.js';

/** A compiled expression and its static type. */
export interface Typed {
  sql: Sql;
  type: ExprType;
}

export const isNumeric = (type: ExprType) => type === 'int' || type === 'number';

/** Strict decimal syntax: anything else (1,234, nan, inf, '') is not a number. */
// No `?` in the text: it would read as a placeholder to a naive renderer.
const NUMBER_PATTERN = raw(`'^\\s*[+-]{0,1}(\\d+(\\.\\d*){0,1}|\\.\\d+)([eE][+-]{0,1}\\d+){0,1}\\s*$'`);

/** Text of a value: numbers without a trailing `.0`, booleans as true/false. */
export function toText(value: Typed): Sql {
  switch (value.type) {
    case 'text':
      return value.sql;
    case 'null':
      return raw('CAST(NULL AS VARCHAR)');
    case 'number':
      return sql`regexp_replace(CAST(${value.sql} AS VARCHAR), '\\.0$', '')`;
    default:
      return sql`CAST(${value.sql} AS VARCHAR)`;
  }
}

/** number(x): DOUBLE, NULL when the text is not a plain decimal number. */
export function toNumber(value: Typed): Sql {
  switch (value.type) {
    case 'number':
      return value.sql;
    case 'int':
      return sql`CAST(${value.sql} AS DOUBLE)`;
    case 'null':
      return raw('CAST(NULL AS DOUBLE)');
    default: {
      const text = toText(value);
      return sql`(CASE WHEN regexp_matches(${text}, ${NUMBER_PATTERN}) THEN TRY_CAST(trim(${text}) AS DOUBLE) END)`;
    }
  }
}

/** int(x): the integer part (towards zero), NULL when not a number or out of BIGINT range. */
export function toInt(value: Typed): Sql {
  if (value.type === 'int') return value.sql;
  if (value.type === 'null') return raw('CAST(NULL AS BIGINT)');
  return sql`TRY_CAST(trunc(${toNumber(value)}) AS BIGINT)`;
}

export function toBool(value: Typed): Sql {
  return value.type === 'null' ? raw('CAST(NULL AS BOOLEAN)') : value.sql;
}

/** The common type of if/coalesce branches: numbers widen, anything mixed becomes text. */
export function unify(types: ExprType[]): ExprType {
  const known = [...new Set(types.filter((type) => type !== 'null'))];
  if (known.length === 0) return 'null';
  if (known.length === 1) return known[0] as ExprType;
  return known.every(isNumeric) ? 'number' : 'text';
}

export function convert(value: Typed, type: ExprType): Sql {
  switch (type) {
    case 'text':
      return toText(value);
    case 'number':
      return toNumber(value);
    case 'int':
      return toInt(value);
    case 'bool':
      return toBool(value);
    default:
      return value.sql;
  }
}

export const describeType = (type: ExprType): string =>
  ({ text: 'text', int: 'a number', number: 'a number', bool: 'a condition', null: 'null' })[type];

/**
 * `a op b` for = != < <= > >=: numeric when either side is a number (the text side goes
 * through number(), so non-numeric text compares as unknown), boolean when both are
 * conditions, text otherwise.
 */
export function compare(
  op: string,
  at: Expr,
  nodes: [Expr, Expr],
  [left, right]: [Typed, Typed],
  ctx: ExprContext,
): Sql {
  const sqlOp = raw(op === '!=' ? '<>' : op);
  if (left.type === 'null' || right.type === 'null') {
    ctx.issue(
      at,
      'null_comparison',
      'a comparison with null is never true: use is_blank(x) or not is_blank(x)',
    );
  }
  if (isNumeric(left.type) || isNumeric(right.type)) {
    [left, right].forEach((value, index) => {
      if (value.type === 'bool') {
        ctx.issue(nodes[index] as Expr, 'type_mismatch', 'cannot compare a condition with a number');
      }
    });
    return sql`(${toNumber(left)} ${sqlOp} ${toNumber(right)})`;
  }
  if (left.type === 'bool' && right.type === 'bool') return sql`(${left.sql} ${sqlOp} ${right.sql})`;
  return sql`(${toText(left)} ${sqlOp} ${toText(right)})`;
}

export function expectCondition(node: Expr, value: Typed, where: string, ctx: ExprContext): void {
  if (value.type !== 'bool' && value.type !== 'null') {
    ctx.issue(
      node,
      'type_mismatch',
      `${where} needs a condition (a comparison, is_blank(x), and/or/not), found ${describeType(value.type)}`,
    );
  }
}

export function expectNumber(node: Expr, value: Typed, where: string, ctx: ExprContext): void {
  if (value.type === 'bool') ctx.issue(node, 'type_mismatch', `${where} needs a number, found a condition`);
}
