import type { DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExpression } from '../../core/expr/parse.js';
import { raw, sql } from '../../core/sql/fragment.js';
import { toText } from './convert.js';
import { compileExpr } from './expr-sql.js';
import { memoryDb, rows, valuesTable } from './test-support/duckdb.js';
import type { ExprContext } from './types.js';

const HEADER = ['a', 'b', 'vru+line'];

function compile(text: string) {
  const parsed = parseExpression(text, (offset) => ({ line: 1, column: offset + 1 }));
  if (!parsed.ok) throw new Error(parsed.message);
  const issues: { code: string; message: string; column: number }[] = [];
  const ctx: ExprContext = {
    column(node) {
      const index = HEADER.indexOf(node.name);
      if (index >= 0) return raw(`"c${index + 1}"`);
      issues.push({ code: 'unknown_source_column', message: node.name, column: node.loc.column });
      return raw('NULL');
    },
    issue: (node, code, message) => issues.push({ code, message, column: node.loc.column }),
  };
  return { ...compileExpr(parsed.expr, ctx), issues };
}

describe('compileExpr', () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await memoryDb();
  });

  /** The expression's text value for each row of (a, b). */
  async function values(text: string, data: (string | null)[][] = [['x', 'y']]): Promise<unknown[]> {
    const compiled = compile(text);
    expect(compiled.issues).toEqual([]);
    const result = await rows(db, sql`SELECT ${toText(compiled)} AS v FROM ${valuesTable(data, 3)}`);
    return result.map((row) => row.v);
  }
  const value = async (text: string, row: (string | null)[] = ['x', 'y', 'z']) =>
    (await values(text, [row]))[0];

  it('binds every literal as a parameter and reads columns only through the resolver', () => {
    const compiled = compile("concat(a, '''; DROP TABLE t; --', 42, 2.5, true, `vru+line`)");
    expect(compiled.sql.text).not.toMatch(/DROP|42|2\.5|true/);
    expect(compiled.sql.text).toContain('"c1"');
    expect(compiled.sql.text).toContain('"c3"');
    expect(compiled.sql.params).toEqual(["'; DROP TABLE t; --", 42, 2.5, true]);
    expect(compiled.type).toBe('text');
  });

  it('reports unknown columns and type errors at their position', () => {
    expect(compile("nope = 'x'").issues).toEqual([
      { code: 'unknown_source_column', message: 'nope', column: 1 },
    ]);
    const codes = (text: string) => compile(text).issues.map((issue) => `${issue.code}@${issue.column}`);
    expect(codes("if(a, 'x', 'y')")).toEqual(['type_mismatch@4']);
    expect(codes("a = 'x' and b")).toEqual(['type_mismatch@13']);
    expect(codes('not 1')).toEqual(['type_mismatch@5']);
    expect(codes('true + 1')).toEqual(['type_mismatch@1']);
    expect(codes('a = null')).toEqual(['null_comparison@3']);
    expect(codes('frobnicate(a)')).toEqual(['unknown_function@1']);
    expect(codes('if(a = b, 1)')).toEqual(['wrong_arguments@1']);
    expect(compile('substr(a)').issues[0]?.message).toBe(
      'substr() takes 2 to 3 arguments (substr(text, start, length?)), found 1',
    );
  });

  it('follows the precedence of the grammar', async () => {
    expect(await value('1 + 2 * 3')).toBe('7');
    expect(await value('(1 + 2) * 3')).toBe('9');
    expect(await value('10 - 4 - 3')).toBe('3');
    expect(await value("'n' || 1 + 2")).toBe('n3');
    expect(await value("not a = 'x' or b = 'y'")).toBe('true');
    expect(await value("not (a = 'x' or b = 'y')")).toBe('false');
    expect(await value("a = 'q' and b = 'y' or a = 'x'")).toBe('true');
    expect(await value('- 2 * 3')).toBe('-6');
  });

  it('compares as numbers when either side is a number, as text otherwise', async () => {
    expect(await value('a > 9', ['10', null, null])).toBe('true');
    expect(await value("a > '9'", ['10', null, null])).toBe('false');
    expect(await value('a = b', ['1.0', '1', null])).toBe('false');
    expect(await value('number(a) = b', ['1.0', '1', null])).toBe('true');
    expect(await value('a = 0', ['abc', null, null])).toBeNull();
    expect(await value("is_blank(a) = (b = 'y')", [' ', 'y', null])).toBe('true');
  });

  it('converts numbers strictly and prints them plainly', async () => {
    expect(
      await values(
        'number(a)',
        [['1,234'], ['nan'], [' 17 '], ['-1.5e2'], [''], [null]].map((r) => [...r, null, null]),
      ),
    ).toEqual([null, null, '17', '-150', null, null]);
    expect(
      await values(
        'int(a)',
        [['17.9'], ['-17.9'], ['x']].map((r) => [...r, null, null]),
      ),
    ).toEqual(['17', '-17', null]);
    expect(await value('a + 1', ['41', null, null])).toBe('42');
    expect(await value('1.5 * 2')).toBe('3');
    expect(await value('1 / 4')).toBe('0.25');
    expect(await value('1 / 0')).toBeNull();
  });

  it('implements the functions', async () => {
    const row = ['  Mixed ', null, '7'];
    expect(await value("if(b = 'y', 'yes', 'no')", row)).toBe('no');
    expect(await value("if(is_blank(b), 1, 'text')", row)).toBe('1');
    expect(await value("concat(b, '-', `vru+line`)", row)).toBe('-7');
    expect(await value("b || 'x'", row)).toBeNull();
    expect(await value("coalesce(b, `vru+line`, 'none')", row)).toBe('7');
    expect(await value("nullif(`vru+line`, '7')", row)).toBeNull();
    expect(await value('nullif(`vru+line`, 7.0)', row)).toBeNull();
    expect(await value("nullif(`vru+line`, '07')", row)).toBe('7');
    expect(await value('lower(a) || upper(a) || trim(a)', row)).toBe('  mixed   MIXED Mixed');
    expect(await value('substr(trim(a), 2, 3)', row)).toBe('ixe');
    expect(await value('substr(trim(a), 2)', row)).toBe('ixed');
    expect(await value("lpad(`vru+line`, 3, '0')", row)).toBe('007');
    expect(await value("lpad(trim(a), 3, '0')", row)).toBe('Mixed');
    expect(
      await values(
        'is_blank(a)',
        [[''], ['  '], [null], ['x']].map((r) => [...r, null, null]),
      ),
    ).toEqual(['true', 'true', 'true', 'false']);
  });
});
