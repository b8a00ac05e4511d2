import { describeToken, ExprSyntaxError, type Token, tokenize } from './lexer.js';
import type { BinaryOp, Expr, Loc } from './types.js';

/**
 * Recursive-descent parser of mapping expressions. Precedence, loosest first:
 * `or`, `and`, `not`, comparisons (= != <> < <= > >=, not chained), `||`, `+ -`, `* /`, unary `-`.
 */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; message: string; offset: number };

const KEYWORDS = new Set(['and', 'or', 'not', 'null', 'true', 'false']);
const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const VALUE = "a value (a column, 'text', a number, null, true, false, a function call or '(')";

/** `locate` turns an offset in `text` into a file position. */
export function parseExpression(text: string, locate: (offset: number) => Loc): ParseResult {
  try {
    const parser = new Parser(tokenize(text), locate);
    const expr = parser.expression();
    parser.expectEnd();
    return { ok: true, expr };
  } catch (error) {
    if (error instanceof ExprSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly locate: (offset: number) => Loc,
  ) {}

  expression(): Expr {
    return this.binaryLevel(['or'], () => this.binaryLevel(['and'], () => this.negation()));
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind === 'eof') return;
    if (token.kind === 'op' && COMPARISONS.has(token.value)) {
      throw this.error(`comparisons do not chain: join them with and`, token);
    }
    if (token.kind === 'op' && token.value === ')') throw this.error("unmatched ')'", token);
    throw this.error(
      `expected an operator or the end of the expression, found ${describeToken(token)}`,
      token,
    );
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private isKeyword(token: Token, word: string): boolean {
    return token.kind === 'ident' && !token.quoted && token.value.toLowerCase() === word;
  }

  private isOp(token: Token, ops: readonly string[]): boolean {
    return (token.kind === 'op' && ops.includes(token.value)) || ops.some((op) => this.isKeyword(token, op));
  }

  private error(message: string, token: Token): ExprSyntaxError {
    return new ExprSyntaxError(message, token.offset);
  }

  private node<T extends object>(offset: number, fields: T) {
    return { offset, loc: this.locate(offset), ...fields };
  }

  private binaryLevel(ops: readonly string[], operand: () => Expr): Expr {
    let left = operand();
    while (this.isOp(this.peek(), ops)) {
      const token = this.next();
      const op = (
        token.kind === 'op' ? token.value : (token as { value: string }).value.toLowerCase()
      ) as BinaryOp;
      const right = operand();
      left = this.node(token.offset, { kind: 'binary' as const, op, left, right });
    }
    return left;
  }

  private negation(): Expr {
    const token = this.peek();
    if (this.isKeyword(token, 'not')) {
      this.next();
      return this.node(token.offset, { kind: 'unary' as const, op: 'not' as const, arg: this.negation() });
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.concatenation();
    const token = this.peek();
    if (token.kind === 'op' && COMPARISONS.has(token.value)) {
      this.next();
      const right = this.concatenation();
      const after = this.peek();
      if (after.kind === 'op' && COMPARISONS.has(after.value)) {
        throw this.error('comparisons do not chain: join them with and', after);
      }
      return this.node(token.offset, { kind: 'binary' as const, op: token.value as BinaryOp, left, right });
    }
    return left;
  }

  private concatenation(): Expr {
    return this.binaryLevel(['||'], () =>
      this.binaryLevel(['+', '-'], () => this.binaryLevel(['*', '/'], () => this.unary())),
    );
  }

  private unary(): Expr {
    const token = this.peek();
    if (token.kind === 'op' && token.value === '-') {
      this.next();
      return this.node(token.offset, { kind: 'unary' as const, op: '-' as const, arg: this.unary() });
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return this.node(token.offset, { kind: 'string' as const, value: token.value });
      case 'number': {
        const value = Number(token.value);
        const integer = /^\d+$/.test(token.value) && Number.isSafeInteger(value);
        return this.node(token.offset, { kind: 'number' as const, value, integer });
      }
      case 'ident':
        return this.identifier(token);
      case 'op':
        if (token.value === '(') {
          const inner = this.expression();
          this.expectOp(')', "')' to close the '('");
          return inner;
        }
        throw this.error(`expected ${VALUE}, found ${describeToken(token)}`, token);
      default:
        throw this.error(`expected ${VALUE}, found ${describeToken(token)}`, token);
    }
  }

  private identifier(token: Token & { kind: 'ident' }): Expr {
    const word = token.value.toLowerCase();
    if (!token.quoted && KEYWORDS.has(word)) {
      if (word === 'null') return this.node(token.offset, { kind: 'null' as const });
      if (word === 'true' || word === 'false') {
        return this.node(token.offset, { kind: 'bool' as const, value: word === 'true' });
      }
      throw this.error(
        `expected ${VALUE}, found '${token.value}' (quote a column named ${word} in backticks)`,
        token,
      );
    }
    const after = this.peek();
    if (!token.quoted && after.kind === 'op' && after.value === '(') {
      this.next();
      const args: Expr[] = [];
      if (!(this.peek().kind === 'op' && (this.peek() as { value: string }).value === ')')) {
        args.push(this.expression());
        while (this.peek().kind === 'op' && (this.peek() as { value: string }).value === ',') {
          this.next();
          args.push(this.expression());
        }
      }
      this.expectOp(')', `',' or ')' to close the arguments of ${token.value}(`);
      return this.node(token.offset, { kind: 'call' as const, name: word, args });
    }
    return this.node(token.offset, { kind: 'column' as const, name: token.value });
  }

  private expectOp(op: string, what: string): void {
    const token = this.peek();
    if (token.kind === 'op' && token.value === op) {
      this.next();
      return;
    }
    throw this.error(`expected ${what}, found ${describeToken(token)}`, token);
  }
}
