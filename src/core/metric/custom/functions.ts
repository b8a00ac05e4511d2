import type { Expr } from '../../expr/types.js';
import { join, raw, sql } from '../../sql/fragment.js';
import { expect, type MetricExprEnv, type Typed, unify } from './typed.js';

/** The functions metric expressions may call (a subset both engines run alike). */
export interface FunctionDef {
  signature: string;
  args: number | [number, number];
  build(args: Typed[], nodes: Expr[], env: MetricExprEnv): Typed;
}

export const FUNCTIONS: Record<string, FunctionDef> = {
  if: {
    signature: 'if(condition, then, else)',
    args: 3,
    build: ([c, a, b], [cn, an, bn], env) => {
      expect(cn as Expr, c as Typed, 'bool', 'if', env);
      const type = unify([a as Typed, b as Typed], [an as Expr, bn as Expr], env);
      return {
        sql: sql`(CASE WHEN ${(c as Typed).sql} THEN ${(a as Typed).sql} ELSE ${(b as Typed).sql} END)`,
        type,
      };
    },
  },
  coalesce: {
    signature: 'coalesce(a, b, ...)',
    args: [2, 20],
    build: (args, nodes, env) => ({
      sql: sql`coalesce(${join(args.map((a) => a.sql))})`,
      type: unify(args, nodes, env),
    }),
  },
  nullif: {
    signature: 'nullif(a, b)',
    args: 2,
    build: ([a, b], nodes, env) => ({
      sql: sql`nullif(${(a as Typed).sql}, ${(b as Typed).sql})`,
      type: unify([a as Typed, b as Typed], nodes, env),
    }),
  },
  is_blank: {
    signature: 'is_blank(x)',
    args: 1,
    build: ([a]) => ({
      sql:
        a?.type === 'text'
          ? sql`(${a.sql} IS NULL OR trim(${a.sql}) = '')`
          : sql`(${(a as Typed).sql} IS NULL)`,
      type: 'bool',
    }),
  },
  lower: textFunction('lower'),
  upper: textFunction('upper'),
  trim: textFunction('trim'),
  abs: {
    signature: 'abs(number)',
    args: 1,
    build: ([a], [an], env) => {
      expect(an as Expr, a as Typed, 'number', 'abs', env);
      return { sql: sql`abs(${(a as Typed).sql})`, type: 'number' };
    },
  },
  seconds_between: {
    signature: 'seconds_between(from, to)',
    args: 2,
    build: ([a, b], [an, bn], env) => {
      expect(an as Expr, a as Typed, 'timestamp', 'seconds_between', env);
      expect(bn as Expr, b as Typed, 'timestamp', 'seconds_between', env);
      const from = env.dialect.epochSeconds((a as Typed).sql);
      const to = env.dialect.epochSeconds((b as Typed).sql);
      return { sql: sql`(${to} - ${from})`, type: 'number' };
    },
  },
};

function textFunction(name: string): FunctionDef {
  return {
    signature: `${name}(text)`,
    args: 1,
    build: ([a], [an], env) => {
      expect(an as Expr, a as Typed, 'text', name, env);
      return { sql: sql`${raw(name)}(${(a as Typed).sql})`, type: 'text' };
    },
  };
}
