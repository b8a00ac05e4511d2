import { join, type Sql, sql } from '../../core/sql/fragment.js';
import {
  compare,
  convert,
  expectCondition,
  expectNumber,
  type Typed,
  toBool,
  toInt,
  toText,
  unify,
} from './convert.js';
import type { Expr, ExprContext } from './types.js';

type Call = Expr & { kind: 'call' };
type Compile = (node: Expr, ctx: ExprContext) => Typed;

interface FunctionDef {
  signature: string;
  min: number;
  max: number;
  build(args: Typed[], call: Call, ctx: ExprContext): Typed;
}

const text = (value: Sql): Typed => ({ sql: value, type: 'text' });

/** The functions of the expression language; names are case-insensitive. */
export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = {
  if: {
    signature: 'if(condition, then, else)',
    min: 3,
    max: 3,
    build([cond, then, otherwise], call, ctx) {
      const c = cond as Typed;
      expectCondition(call.args[0] as Expr, c, 'the first argument of if()', ctx);
      const type = unify([(then as Typed).type, (otherwise as Typed).type]);
      const [a, b] = [convert(then as Typed, type), convert(otherwise as Typed, type)];
      return { sql: sql`(CASE WHEN ${toBool(c)} THEN ${a} ELSE ${b} END)`, type };
    },
  },
  concat: {
    signature: 'concat(value, ...)',
    min: 1,
    max: Number.POSITIVE_INFINITY,
    build: (args) => text(sql`concat(${join(args.map(toText))})`),
  },
  coalesce: {
    signature: 'coalesce(value, ...)',
    min: 1,
    max: Number.POSITIVE_INFINITY,
    build(args) {
      const type = unify(args.map((arg) => arg.type));
      return { sql: sql`coalesce(${join(args.map((arg) => convert(arg, type)))})`, type };
    },
  },
  nullif: {
    signature: 'nullif(value, other)',
    min: 2,
    max: 2,
    build([value, other], call, ctx) {
      const a = value as Typed;
      const equal = compare(
        '=',
        call,
        [call.args[0] as Expr, call.args[1] as Expr],
        [a, other as Typed],
        ctx,
      );
      return { sql: sql`(CASE WHEN ${equal} THEN NULL ELSE ${a.sql} END)`, type: a.type };
    },
  },
  lower: {
    signature: 'lower(text)',
    min: 1,
    max: 1,
    build: ([s]) => text(sql`lower(${toText(s as Typed)})`),
  },
  upper: {
    signature: 'upper(text)',
    min: 1,
    max: 1,
    build: ([s]) => text(sql`upper(${toText(s as Typed)})`),
  },
  trim: { signature: 'trim(text)', min: 1, max: 1, build: ([s]) => text(sql`trim(${toText(s as Typed)})`) },
  substr: {
    signature: 'substr(text, start, length?)',
    min: 2,
    max: 3,
    build(args, call, ctx) {
      numbers(args.slice(1), call, ctx);
      return text(sql`substring(${join([toText(args[0] as Typed), ...args.slice(1).map(toInt)])})`);
    },
  },
  lpad: {
    signature: 'lpad(text, length, fill)',
    min: 3,
    max: 3,
    build([s, n, fill], call, ctx) {
      numbers([n as Typed], call, ctx, 1);
      const [value, length] = [toText(s as Typed), toInt(n as Typed)];
      const padded = sql`lpad(${value}, CAST(${length} AS INTEGER), ${toText(fill as Typed)})`;
      return text(sql`(CASE WHEN length(${value}) >= ${length} THEN ${value} ELSE ${padded} END)`);
    },
  },
  is_blank: {
    signature: 'is_blank(value)',
    min: 1,
    max: 1,
    build([value]) {
      const v = value as Typed;
      if (v.type === 'null') return { sql: sql`(NULL IS NULL)`, type: 'bool' };
      if (v.type !== 'text') return { sql: sql`(${v.sql} IS NULL)`, type: 'bool' };
      return { sql: sql`(${v.sql} IS NULL OR trim(${v.sql}) = '')`, type: 'bool' };
    },
  },
  number: {
    signature: 'number(value)',
    min: 1,
    max: 1,
    build([value], call, ctx) {
      numbers([value as Typed], call, ctx);
      return { sql: convert(value as Typed, 'number'), type: 'number' };
    },
  },
  // JSON fields of nested exports (Zendesk's via.channel, Genesys' participants): DuckDB JSONPath.
  json_text: {
    signature: "json_text(json, '$.path')",
    min: 2,
    max: 2,
    build([json, path], call, ctx) {
      noWildcard(call, ctx);
      return text(
        sql`json_extract_string(TRY_CAST(${toText(json as Typed)} AS JSON), ${toText(path as Typed)})`,
      );
    },
  },
  json_where: {
    signature: "json_where(json, '$[*].path', 'field', value)",
    min: 4,
    max: 4,
    build([json, path, field, value]) {
      const items = sql`json_extract(TRY_CAST(${toText(json as Typed)} AS JSON), ${toText(path as Typed)})`;
      const key = sql`'$.' || ${toText(field as Typed)}`;
      return text(
        sql`CAST(to_json(list_filter(${items}, e -> json_extract_string(e, ${key}) = ${toText(value as Typed)})) AS VARCHAR)`,
      );
    },
  },
  json_sum: {
    signature: "json_sum(json, '$[*].path')",
    min: 2,
    max: 2,
    build([json, path]) {
      const items = sql`json_extract(TRY_CAST(${toText(json as Typed)} AS JSON), ${toText(path as Typed)})`;
      return {
        sql: sql`list_sum(list_transform(${items}, e -> TRY_CAST(json_extract_string(e, '$') AS DOUBLE)))`,
        type: 'number',
      };
    },
  },
  int: {
    signature: 'int(value)',
    min: 1,
    max: 1,
    build([value], call, ctx) {
      numbers([value as Typed], call, ctx);
      return { sql: toInt(value as Typed), type: 'int' };
    },
  },
};

/** json_text reads one value: a wildcard path (a list) belongs to json_where or json_sum. */
function noWildcard(call: Call, ctx: ExprContext): void {
  const path = call.args[1];
  if (path?.kind === 'string' && path.value.includes('*')) {
    ctx.issue(
      path,
      'json_wildcard',
      'json_text reads one value: use json_where or json_sum for a path with [*]',
    );
  }
}

function numbers(args: Typed[], call: Call, ctx: ExprContext, first = 0): void {
  args.forEach((arg, index) => {
    const node = call.args[first + index] as Expr;
    expectNumber(node, arg, `argument ${first + index + 1} of ${call.name}()`, ctx);
  });
}

export function compileCall(call: Call, ctx: ExprContext, compile: Compile): Typed {
  const args = call.args.map((arg) => compile(arg, ctx));
  const def = Object.hasOwn(FUNCTIONS, call.name) ? FUNCTIONS[call.name] : undefined;
  if (!def) {
    const known = Object.keys(FUNCTIONS).join(', ');
    ctx.issue(call, 'unknown_function', `unknown function ${call.name}(); the functions are ${known}`);
    return { sql: sql`NULL`, type: 'null' };
  }
  if (args.length < def.min || args.length > def.max) {
    const count =
      def.min === def.max
        ? `${def.min}`
        : def.max === Infinity
          ? `at least ${def.min}`
          : `${def.min} to ${def.max}`;
    ctx.issue(
      call,
      'wrong_arguments',
      `${call.name}() takes ${count} arguments (${def.signature}), found ${args.length}`,
    );
    return { sql: sql`NULL`, type: 'null' };
  }
  return def.build(args, call, ctx);
}
