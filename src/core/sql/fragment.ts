/**
 * SQL text with its bound values. Values never enter the text: each `?` in `text`
 * is the next entry of `params`, and the dialect renders placeholders at the end,
 * so fragments compose without renumbering.
 */
export type SqlValue = string | number | boolean | null | bigint | readonly string[];

export interface Sql {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

const isSql = (value: unknown): value is Sql =>
  typeof value === 'object' && value !== null && 'text' in value && 'params' in value;

/** Tagged template: interpolated Sql fragments are spliced, everything else is bound. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, index) => {
    if (isSql(value)) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value as SqlValue);
    }
    text += strings[index + 1] ?? '';
  });
  return { text, params };
}

/** Trusted SQL text (identifiers the code chose, keywords); never user input. */
export const raw = (text: string): Sql => ({ text, params: [] });

export const bind = (value: SqlValue): Sql => ({ text: '?', params: [value] });

export function join(parts: readonly Sql[], separator = ', '): Sql {
  return {
    text: parts.map((part) => part.text).join(separator),
    params: parts.flatMap((part) => part.params),
  };
}

export const EMPTY: Sql = raw('');
