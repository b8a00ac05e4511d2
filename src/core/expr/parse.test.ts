import { describe, expect, it } from 'vitest';
import { parseExpression } from './parse.js';
import type { Expr } from './types.js';

/** The tree as an s-expression, to check precedence. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case 'column':
      return expr.name;
    case 'string':
      return `'${expr.value}'`;
    case 'number':
      return String(expr.value);
    case 'bool':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'unary':
      return `(${expr.op} ${show(expr.arg)})`;
    case 'binary':
      return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`;
    case 'call':
      return `${expr.name}(${expr.args.map(show).join(', ')})`;
  }
}

const at = (offset: number) => ({ line: 1, column: offset + 1 });

function tree(text: string): string {
  const result = parseExpression(text, at);
  if (!result.ok) throw new Error(`${result.message} at ${result.offset}`);
  return show(result.expr);
}

function error(text: string): { message: string; offset: number } {
  const result = parseExpression(text, at);
  if (result.ok) throw new Error(`parsed: ${show(result.expr)}`);
  return { message: result.message, offset: result.offset };
}

describe('parseExpression', () => {
  it('reads columns, backtick names, strings, numbers and keywords', () => {
    expect(tree("concat(date, '-', `vru+line`, 'it''s', 1.5, 42, NULL, True)")).toBe(
      "concat(date, '-', vru+line, 'it's', 1.5, 42, null, true)",
    );
    expect(tree('`a``b`')).toBe('a`b');
    expect(tree('`and`')).toBe('and');
    expect(tree('IF(a, b, c)')).toBe('if(a, b, c)');
    expect(tree('now()')).toBe('now()');
  });

  it('binds * / over + - over || over comparisons over not over and over or', () => {
    expect(tree('1 + 2 * 3 - 4 / 5')).toBe('(- (+ 1 (* 2 3)) (/ 4 5))');
    expect(tree("a || b + 1 = 'x'")).toBe("(= (|| a (+ b 1)) 'x')");
    expect(tree("not a = 'x' and b or c = d")).toBe("(or (and (not (= a 'x')) b) (= c d))");
    expect(tree('a or b and c')).toBe('(or a (and b c))');
    expect(tree('(a or b) and c')).toBe('(and (or a b) c)');
    expect(tree('- a * - 2')).toBe('(* (- a) (- 2))');
    expect(tree('a <> b')).toBe('(!= a b)');
    expect(tree('a <= b')).toBe('(<= a b)');
  });

  it('records each node offset and file position', () => {
    const result = parseExpression("x = 'y'", (offset) => ({ line: 7, column: 10 + offset }));
    expect(result.ok && result.expr).toMatchObject({
      kind: 'binary',
      offset: 2,
      loc: { line: 7, column: 12 },
      left: { offset: 0, loc: { line: 7, column: 10 } },
      right: { offset: 4, loc: { line: 7, column: 14 } },
    });
  });

  it('says where an expression breaks and what was expected', () => {
    expect(error('a = ')).toEqual({
      message: expect.stringMatching(/^expected a value .* found the end/),
      offset: 4,
    });
    expect(error("concat(a, 'x'")).toEqual({
      message: "expected ',' or ')' to close the arguments of concat(, found the end of the expression",
      offset: 13,
    });
    expect(error("a = 'x")).toEqual({ message: "unterminated string: expected a closing '", offset: 4 });
    expect(error('a = b = c')).toEqual({
      message: 'comparisons do not chain: join them with and',
      offset: 6,
    });
    expect(error('a == b').offset).toBe(3);
    expect(error('(a = b')).toMatchObject({
      message: expect.stringContaining("')' to close the '('"),
      offset: 6,
    });
    expect(error('a = b)')).toEqual({ message: "unmatched ')'", offset: 5 });
    expect(error('a b')).toEqual({
      message: "expected an operator or the end of the expression, found 'b'",
      offset: 2,
    });
    expect(error('"a" = b')).toMatchObject({ message: expect.stringContaining('single quotes'), offset: 0 });
    expect(error('a && b')).toMatchObject({
      message: expect.stringContaining('use not, and, or'),
      offset: 2,
    });
    expect(error('x = and')).toMatchObject({ message: expect.stringContaining('backticks'), offset: 4 });
    expect(error('1abc')).toMatchObject({ message: expect.stringContaining('not a number'), offset: 0 });
    expect(error('``')).toMatchObject({ message: 'empty column name ``', offset: 0 });
    expect(error('')).toMatchObject({ offset: 0 });
  });
});
