/** Tokens of the mapping expression language (see docs/mappings.md). */
export type Token =
  | { kind: 'ident'; value: string; quoted: boolean; offset: number; end: number }
  | { kind: 'string'; value: string; offset: number; end: number }
  | { kind: 'number'; value: string; offset: number; end: number }
  | { kind: 'op'; value: string; offset: number; end: number }
  | { kind: 'eof'; offset: number; end: number };

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ExprSyntaxError';
  }
}

const OPERATORS = ['<=', '>=', '!=', '<>', '||', '=', '<', '>', '+', '-', '*', '/', '(', ')', ','];

// Letters of any script: real exports name columns Início or Duração.
const isIdentStart = (ch: string) => /[\p{L}_]/u.test(ch);
const isIdentPart = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);
const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/** How a token reads in an error message. */
export function describeToken(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return `the string '${token.value}'`;
    case 'ident':
      return token.quoted ? `the column \`${token.value}\`` : `'${token.value}'`;
    default:
      return `'${token.value}'`;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'" || ch === '`') {
      const { value, end } = quoted(text, i, ch);
      tokens.push(
        ch === "'"
          ? { kind: 'string', value, offset: i, end }
          : { kind: 'ident', value, quoted: true, offset: i, end },
      );
      if (ch === '`' && value === '') throw new ExprSyntaxError('empty column name ``', i);
      i = end;
    } else if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1] ?? ''))) {
      const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i)) as RegExpExecArray;
      const end = i + match[0].length;
      if (isIdentPart(text[end] ?? '')) {
        throw new ExprSyntaxError(
          `'${text.slice(i, end + 1)}' is not a number; quote a column name that starts with a digit in backticks`,
          i,
        );
      }
      tokens.push({ kind: 'number', value: match[0], offset: i, end });
      i = end;
    } else if (isIdentStart(ch)) {
      let end = i + 1;
      while (end < text.length && isIdentPart(text[end] as string)) end += 1;
      tokens.push({ kind: 'ident', value: text.slice(i, end), quoted: false, offset: i, end });
      i = end;
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      if (!op) {
        const hint =
          ch === '"'
            ? ': write text in single quotes and column names with special characters in backticks'
            : ch === '!' || ch === '&' || ch === '|'
              ? ': use not, and, or'
              : '';
        throw new ExprSyntaxError(`unexpected character '${ch}'${hint}`, i);
      }
      tokens.push({ kind: 'op', value: op === '<>' ? '!=' : op, offset: i, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', offset: text.length, end: text.length });
  return tokens;
}

/** A '...' string or `...` identifier; the quote doubled inside stands for itself. */
function quoted(text: string, start: number, quote: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === quote) {
      if (text[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i += 1;
  }
  const what = quote === "'" ? 'string' : 'column name';
  throw new ExprSyntaxError(`unterminated ${what}: expected a closing ${quote}`, start);
}
