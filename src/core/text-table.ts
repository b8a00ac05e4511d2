/**
 * Plain aligned text tables for terminals and text reports. By default numbers (cells
 * matching `numeric` down a whole column) are right-aligned and a rule of dashes follows
 * the header; `compact` drops both and indents, for tables inside a text report.
 */
export interface TextTableOptions {
  numeric?: RegExp;
  compact?: boolean;
}

const NUMBER = /^-?[\d.,]*$/;

export function textTableLines(
  headers: string[],
  rows: string[][],
  options: TextTableOptions = {},
): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  if (options.compact) {
    const line = (cells: string[]) =>
      `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
    return [line(headers), ...rows.map(line)];
  }
  const pattern = options.numeric ?? NUMBER;
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => pattern.test(r[i] ?? '')));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export const textTable = (headers: string[], rows: string[][], options?: TextTableOptions): string =>
  textTableLines(headers, rows, options).join('\n');
