/**
 * Validation problems are collected, never thrown one at a time (as Zod and Cube do):
 * a caller gets every issue of a file with its path and position at once.
 */
export interface Issue {
  /** Stable machine-readable code, e.g. `required`, `unknown_metric`. */
  code: string;
  /** Where in the document: object keys and array indexes. */
  path: (string | number)[];
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T, warnings: Issue[] = []): Result<T> => ({ ok: true, value, warnings });
export const fail = <T = never>(issues: Issue[]): Result<T> => ({ ok: false, issues });

/** `file:line:column: message (at a.b[0])`, the form editors and terminals link. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  const path = issue.path.length > 0 ? ` (at ${formatPath(issue.path)})` : '';
  return `${where ? `${where}: ` : ''}${issue.message}${path}`;
}

export function formatPath(path: (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/** Thrown for input a user can fix; the CLI prints the message without a stack. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}
