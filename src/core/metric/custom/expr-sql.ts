import type { Expr } from '../../expr/types.js';
import { raw, type Sql, sql } from '../../sql/fragment.js';
import { parseDuration } from '../../time/duration.js';
import { suggest } from '../../yaml/reporter.js';
import type { ParamValue } from '../plan-types.js';
import type { ParamDef } from '../types.js';
import { FUNCTIONS } from './functions.js';
import {
  columnValueType,
  describeValueType,
  expect,
  type MetricExprEnv,
  NULL,
  REPORTED,
  type Typed,
} from './typed.js';

export {
  columnValueType,
  describeValueType,
  type MetricExprEnv,
  type Typed,
  type ValueType,
} from './typed.js';

/**
 * Compiles a metric expression (the mapping expression language, core/expr) over a
 * dataset's canonical columns, typed as the catalog types them, to SQL both engines run.
 * Literals and parameters are bound; column names come from the catalog, never the file.
 */
const numberLiteral = (value: number): Sql => sql`CAST(${value} AS DOUBLE PRECISION)`;
const textLiteral = (value: string): Sql => sql`CAST(${value} AS VARCHAR)`;
const boolLiteral = (value: boolean): Sql => sql`CAST(${value} AS BOOLEAN)`;

export function compileMetricExpr(expr: Expr, env: MetricExprEnv): Typed {
  switch (expr.kind) {
    case 'column':
      return reference(expr as Expr & { kind: 'column' }, env);
    case 'string':
      return { sql: textLiteral(expr.value), type: 'text' };
    case 'number':
      return { sql: numberLiteral(expr.value), type: 'number' };
    case 'bool':
      return { sql: boolLiteral(expr.value), type: 'bool' };
    case 'null':
      return NULL;
    case 'unary': {
      const arg = compileMetricExpr(expr.arg, env);
      if (expr.op === 'not') {
        expect(expr.arg, arg, 'bool', 'not', env);
        return { sql: sql`(NOT ${arg.sql})`, type: 'bool' };
      }
      expect(expr.arg, arg, 'number', 'minus', env);
      return { sql: sql`(-${arg.sql})`, type: 'number' };
    }
    case 'binary':
      return binary(expr as Expr & { kind: 'binary' }, env);
    case 'call':
      return call(expr as Expr & { kind: 'call' }, env);
  }
}

function reference(node: Expr & { kind: 'column' }, env: MetricExprEnv): Typed {
  const column = env.columns.find((c) => c.name === node.name);
  if (column) return { sql: raw(column.name), type: columnValueType(column) };
  const param = env.params.find((p) => p.name === node.name);
  if (param) return paramValue(param, env.values?.[param.name] ?? (param.default as ParamValue));
  const names = env.columns.map((c) => c.name);
  env.issue(
    node,
    'unknown_column',
    `unknown column ${node.name}${suggest(node.name, names)}; the columns are ${names.join(', ')}${
      env.params.length > 0 ? `; the parameters ${env.params.map((p) => p.name).join(', ')}` : ''
    }`,
  );
  return REPORTED;
}

function paramValue(param: ParamDef, value: ParamValue): Typed {
  switch (param.kind) {
    case 'bool':
      return { sql: boolLiteral(value === true), type: 'bool' };
    case 'duration': {
      const parsed = parseDuration(String(value));
      return { sql: numberLiteral(parsed.ok ? parsed.value.seconds : 0), type: 'number' };
    }
    case 'enum':
      return { sql: textLiteral(String(value)), type: 'text' };
    default:
      return { sql: numberLiteral(Number(value)), type: 'number' };
  }
}

function binary(node: Expr & { kind: 'binary' }, env: MetricExprEnv): Typed {
  const left = compileMetricExpr(node.left, env);
  const right = compileMetricExpr(node.right, env);
  switch (node.op) {
    case 'and':
    case 'or':
      expect(node.left, left, 'bool', node.op, env);
      expect(node.right, right, 'bool', node.op, env);
      return { sql: sql`(${left.sql} ${raw(node.op.toUpperCase())} ${right.sql})`, type: 'bool' };
    case '+':
    case '-':
    case '*':
      expect(node.left, left, 'number', node.op, env);
      expect(node.right, right, 'number', node.op, env);
      return { sql: sql`(${left.sql} ${raw(node.op)} ${right.sql})`, type: 'number' };
    case '/':
      expect(node.left, left, 'number', node.op, env);
      expect(node.right, right, 'number', node.op, env);
      // Division is in floating point on every engine (PostgreSQL divides integers whole); x/0 is blank.
      return {
        sql: sql`(CAST(${left.sql} AS DOUBLE PRECISION) / nullif(${right.sql}, 0))`,
        type: 'number',
      };
    case '||':
      expect(node.left, left, 'text', node.op, env);
      expect(node.right, right, 'text', node.op, env);
      return { sql: sql`(${left.sql} || ${right.sql})`, type: 'text' };
    default:
      return comparison(node, left, right, env);
  }
}

function comparison(node: Expr & { kind: 'binary' }, left: Typed, right: Typed, env: MetricExprEnv): Typed {
  if (left.reported || right.reported) {
    // the unknown name is the problem, already said
  } else if (left.type === 'null' || right.type === 'null') {
    env.issue(
      node,
      'null_comparison',
      'a comparison with null is never true: use is_blank(x) or not is_blank(x)',
    );
  } else if (left.type !== right.type) {
    env.issue(
      node,
      'type_mismatch',
      `cannot compare ${describeValueType(left.type)} with ${describeValueType(right.type)}`,
    );
  } else {
    checkEnumLiteral(node.left, node.right, env);
    checkEnumLiteral(node.right, node.left, env);
  }
  const op = raw(node.op === '!=' ? '<>' : node.op);
  return { sql: sql`(${left.sql} ${op} ${right.sql})`, type: 'bool' };
}

/** `path = 'robot'`: a value the column can never hold is a typo, reported with the values it can. */
function checkEnumLiteral(columnNode: Expr, literal: Expr, env: MetricExprEnv): void {
  if (columnNode.kind !== 'column' || literal.kind !== 'string') return;
  const column = env.columns.find((c) => c.name === columnNode.name);
  if (column?.type.kind !== 'enum' || column.type.values.includes(literal.value)) return;
  const values = column.type.values;
  env.issue(
    literal,
    'unknown_value',
    `${column.name} is never '${literal.value}'${suggest(literal.value, values)}; it is one of ${values.join(', ')}`,
  );
}

function call(node: Expr & { kind: 'call' }, env: MetricExprEnv): Typed {
  const def = FUNCTIONS[node.name];
  const args = node.args.map((arg) => compileMetricExpr(arg, env));
  if (!def) {
    const names = Object.keys(FUNCTIONS);
    env.issue(
      node,
      'unknown_function',
      `unknown function ${node.name}${suggest(node.name, names)}; the functions are ${names.join(', ')}`,
    );
    return REPORTED;
  }
  const [min, max] = typeof def.args === 'number' ? [def.args, def.args] : def.args;
  if (args.length < min || args.length > max) {
    env.issue(
      node,
      'arity',
      `${node.name} takes ${min === max ? min : `${min} to ${max}`} arguments: ${def.signature}`,
    );
    return REPORTED;
  }
  return def.build(args, node.args, env);
}
