import { bind, type Sql, sql } from '../../core/sql/fragment.js';

/**
 * `{ date, time, dateFormat, timeFormat }` columns: local date and time text parsed with
 * DuckDB strptime and written back as 'YYYY-MM-DD HH:MM:SS' (or 'YYYY-MM-DD' for date columns).
 */

/** strptime specifiers a mapping may use (no %z/%Z: the zone comes from the mapping). */
const SPECIFIERS: Record<string, string> = {
  Y: 'year',
  y: 'year',
  '-y': 'year',
  m: 'month',
  '-m': 'month',
  b: 'month',
  B: 'month',
  h: 'month',
  d: 'day',
  '-d': 'day',
  j: 'dayOfYear',
  '-j': 'dayOfYear',
  a: 'weekday',
  A: 'weekday',
  H: 'hour',
  '-H': 'hour',
  I: 'hour12',
  '-I': 'hour12',
  p: 'ampm',
  M: 'minute',
  '-M': 'minute',
  S: 'second',
  '-S': 'second',
  g: 'fraction',
  f: 'fraction',
  n: 'fraction',
  '%': 'percent',
};

export const DEFAULT_DATE_FORMAT = '%Y-%m-%d';
export const DEFAULT_TIME_FORMAT = '%H:%M:%S';

/** The parts a format reads, or a message saying what is wrong with it. */
export function formatParts(format: string): { parts: Set<string> } | { error: string } {
  const parts = new Set<string>();
  for (let i = 0; i < format.length; i += 1) {
    if (format[i] !== '%') continue;
    const dash = format[i + 1] === '-';
    const letter = format[i + (dash ? 2 : 1)];
    if (letter === undefined) return { error: `'${format}' ends with a lone %` };
    const spec = `${dash ? '-' : ''}${letter}`;
    const part = SPECIFIERS[spec];
    if (!part) {
      const known = Object.keys(SPECIFIERS)
        .map((s) => `%${s}`)
        .join(' ');
      return { error: `%${spec} is not a supported specifier in '${format}' (supported: ${known})` };
    }
    parts.add(part);
    i += spec.length;
  }
  return { parts };
}

/** Checks a dateFormat: it must name the year and the day (month and day, or day of year). */
export function checkDateFormat(format: string): string | null {
  const result = formatParts(format);
  if ('error' in result) return result.error;
  const { parts } = result;
  const missing: string[] = [];
  if (!parts.has('year')) missing.push('a year (%Y or %y)');
  if (!parts.has('dayOfYear') && !(parts.has('month') && parts.has('day'))) {
    missing.push('a month and day (%m %d) or a day of the year (%j)');
  }
  if (missing.length > 0) return `dateFormat '${format}' has no ${missing.join(' and ')}`;
  return checkHours(parts, format);
}

/** Checks a timeFormat: it must name the hour; %I needs %p. */
export function checkTimeFormat(format: string): string | null {
  const result = formatParts(format);
  if ('error' in result) return result.error;
  if (!result.parts.has('hour') && !result.parts.has('hour12')) {
    return `timeFormat '${format}' has no hour (%H, or %I with %p)`;
  }
  return checkHours(result.parts, format);
}

function checkHours(parts: Set<string>, format: string): string | null {
  if (parts.has('hour12') && !parts.has('ampm'))
    return `'${format}' uses %I (12-hour clock) without %p (AM/PM)`;
  return null;
}

/**
 * Local text from date (and time) text. A blank date gives NULL; text that does not match the
 * format is passed through as written, so the importer rejects it with the value in its reason.
 */
export function datetimeSql(date: Sql, time: Sql | null, format: string, output: 'timestamp' | 'date'): Sql {
  const joined = time ? sql`concat_ws(' ', trim(${date}), trim(${time}))` : sql`trim(${date})`;
  const out = output === 'timestamp' ? '%Y-%m-%d %H:%M:%S' : '%Y-%m-%d';
  const parsed = sql`try_strptime(${joined}, CAST(${bind(format)} AS VARCHAR))`;
  return sql`(CASE WHEN ${date} IS NULL OR trim(${date}) = '' THEN NULL ELSE coalesce(strftime(${parsed}, CAST(${bind(out)} AS VARCHAR)), ${joined}) END)`;
}
