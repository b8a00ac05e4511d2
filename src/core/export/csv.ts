import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of the project for files people open (CLI CSV, API and dashboard
 * downloads): RFC 4180 quoting by csv-stringify, and every text cell made inert for
 * spreadsheets. A cell that begins with = + - @, a tab or a carriage return is read by
 * Excel, LibreOffice and Sheets as a formula (`=HYPERLINK(...)` in a workflow name); a
 * leading apostrophe makes it text (OWASP "CSV injection"). Numbers, and text that is
 * exactly a plain decimal number such as `-120.50`, are left as they are: they cannot run.
 */

export type Cell = string | number | boolean | null | undefined;

const FORMULA_LEAD = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** Text a spreadsheet will show and never evaluate. */
export function inertText(text: string): string {
  return FORMULA_LEAD.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return inertText(value);
}

/** A header and rows as CSV text, one `\n` after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header.map((h) => cellText(h)), ...rows.map((row) => row.map(cellText))], {
    record_delimiter: '\n',
  });
}

/** RFC 4180 quoting of one field only, for machine files (the demo's generated import data). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
