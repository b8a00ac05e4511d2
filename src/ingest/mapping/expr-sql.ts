import { bind, raw, type Sql, sql } from '../../core/sql/fragment.js';
import { compare, expectCondition, expectNumber, type Typed, toBool, toNumber, toText } from './convert.js';
import { compileCall } from './functions.js';
import type { Expr, ExprContext } from './types.js';

const cast = (value: Sql, type: string): Sql => sql`CAST(${value} AS ${raw(type)})`;

/**
 * Compiles an expression to DuckDB SQL. Literals are bound parameters and columns come only
 * from `ctx.column`, so no text of the mapping reaches the SQL text. Every compound is
 * parenthesised, so DuckDB's own precedence never matters.
 */
export function compileExpr(node: Expr, ctx: ExprContext): Typed {
  switch (node.kind) {
    case 'column':
      return { sql: ctx.column(node), type: 'text' };
    case 'string':
      return { sql: cast(bind(node.value), 'VARCHAR'), type: 'text' };
    case 'number':
      return node.integer
        ? { sql: cast(bind(node.value), 'BIGINT'), type: 'int' }
        : { sql: cast(bind(node.value), 'DOUBLE'), type: 'number' };
    case 'bool':
      return { sql: cast(bind(node.value), 'BOOLEAN'), type: 'bool' };
    case 'null':
      return { sql: raw('NULL'), type: 'null' };
    case 'unary': {
      const arg = compileExpr(node.arg, ctx);
      if (node.op === 'not') {
        expectCondition(node.arg, arg, "'not'", ctx);
        return { sql: sql`(NOT ${toBool(arg)})`, type: 'bool' };
      }
      expectNumber(node.arg, arg, "'-'", ctx);
      if (arg.type === 'int') return { sql: sql`(- ${arg.sql})`, type: 'int' };
      return { sql: sql`(- ${toNumber(arg)})`, type: 'number' };
    }
    case 'call':
      return compileCall(node, ctx, compileExpr);
    case 'binary':
      return compileBinary(node as Expr & { kind: 'binary' }, ctx);
  }
}

function compileBinary(node: Expr & { kind: 'binary' }, ctx: ExprContext): Typed {
  const left = compileExpr(node.left, ctx);
  const right = compileExpr(node.right, ctx);
  const op = raw(node.op.toUpperCase());
  switch (node.op) {
    case 'and':
    case 'or':
      expectCondition(node.left, left, `'${node.op}'`, ctx);
      expectCondition(node.right, right, `'${node.op}'`, ctx);
      return { sql: sql`(${toBool(left)} ${op} ${toBool(right)})`, type: 'bool' };
    case '||':
      return { sql: sql`(${toText(left)} || ${toText(right)})`, type: 'text' };
    case '+':
    case '-':
    case '*': {
      expectNumber(node.left, left, `'${node.op}'`, ctx);
      expectNumber(node.right, right, `'${node.op}'`, ctx);
      const bothInt = left.type === 'int' && right.type === 'int';
      const [a, b] = bothInt ? [left.sql, right.sql] : [toNumber(left), toNumber(right)];
      return { sql: sql`(${a} ${op} ${b})`, type: bothInt ? 'int' : 'number' };
    }
    case '/':
      expectNumber(node.left, left, "'/'", ctx);
      expectNumber(node.right, right, "'/'", ctx);
      return { sql: sql`(${toNumber(left)} / NULLIF(${toNumber(right)}, 0))`, type: 'number' };
    default:
      return { sql: compare(node.op, node, [node.left, node.right], [left, right], ctx), type: 'bool' };
  }
}
