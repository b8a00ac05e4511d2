import { ISO_COUNTRIES } from '../core/dataset/countries.js';
import type { ColumnDef } from '../core/dataset/types.js';
import { type Sql, sql } from '../core/sql/fragment.js';

/**
 * Per column kind: how its text becomes a typed value, and the plain-words reason when it
 * cannot. Both are SQL over `v`, the trimmed text (NULL when blank), so DuckDB validates
 * every row in one pass instead of JavaScript looking at rows one by one.
 */
export interface ColumnCheck {
  typed: Sql;
  /**
   * True when the value is fine, given `t`, a reference to the already computed typed
   * value (so no cast runs twice); NULL when there is nothing to check. Any other answer
   * is a problem, worded by `reason`. Blank values are checked separately.
   */
  valid: ((t: Sql) => Sql) | null;
  reason: Sql;
}

const OFFSET = '(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$';

export function columnCheck(column: ColumnDef, v: Sql, zone: string | null): ColumnCheck {
  const type = column.type;
  switch (type.kind) {
    case 'string':
      return { typed: v, valid: null, reason: sql`NULL` };
    case 'enum':
      return {
        // Values already in lower case (nearly all) skip lower(), which copies each string.
        typed: sql`CASE WHEN list_contains(${type.values as string[]}::VARCHAR[], ${v}) THEN ${v} ELSE lower(${v}) END`,
        valid: (t) => sql`list_contains(${type.values as string[]}::VARCHAR[], ${t})`,
        reason: sql`${`expected one of ${type.values.join(', ')}`}`,
      };
    case 'bool': {
      const typed = sql`CASE ${v} WHEN 'true' THEN true WHEN 'false' THEN false ELSE CASE lower(${v}) WHEN 'true' THEN true WHEN '1' THEN true WHEN 'yes' THEN true WHEN 'false' THEN false WHEN '0' THEN false WHEN 'no' THEN false END END`;
      return { typed, valid: notNull, reason: sql`'expected true/false/1/0/yes/no'` };
    }
    case 'integer': {
      const typed = sql`CASE WHEN regexp_full_match(${v}, '[+-]?[0-9]{1,9}') THEN CAST(${v} AS INTEGER) END`;
      return { typed, ...inRange('a whole number', type.min, type.max) };
    }
    case 'number': {
      const typed = sql`CASE WHEN isfinite(TRY_CAST(${v} AS DOUBLE)) THEN TRY_CAST(${v} AS DOUBLE) END`;
      return { typed, ...inRange('a number', type.min, type.max) };
    }
    case 'timestamp':
      return timestampCheck(v, zone);
    case 'date': {
      const typed = sql`CASE WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${v} AS DATE) END`;
      return { typed, valid: notNull, reason: sql`'expected a date YYYY-MM-DD'` };
    }
    case 'money': {
      const typed = sql`CASE WHEN regexp_full_match(${v}, '-?[0-9]{1,14}(\\.[0-9]{1,4})?') THEN CAST(${v} AS DECIMAL(18,4)) END`;
      return {
        typed,
        valid: notNull,
        reason: sql`'expected a decimal amount like 12.50 (at most 4 decimals)'`,
      };
    }
    case 'timezone':
      return {
        typed: v,
        valid: (t) => sql`${t} IN (SELECT name FROM pg_timezone_names())`,
        reason: sql`'expected an IANA time zone such as Europe/Lisbon'`,
      };
    case 'country':
      return {
        typed: sql`upper(${v})`,
        valid: (t) => sql`list_contains(${ISO_COUNTRIES as string[]}::VARCHAR[], ${t})`,
        reason: sql`'expected an ISO 3166-1 alpha-2 country code such as PT'`,
      };
    case 'language':
      return {
        typed: v,
        valid: (t) => sql`regexp_full_match(${t}, '[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*')`,
        reason: sql`'expected a BCP 47 language tag such as pt-PT'`,
      };
  }
}

const notNull = (t: Sql) => sql`${t} IS NOT NULL`;

function inRange(what: string, min?: number, max?: number): Pick<ColumnCheck, 'valid' | 'reason'> {
  const bounds =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` >= ${min}`
        : max !== undefined
          ? ` <= ${max}`
          : '';
  return {
    valid: (t) =>
      sql`${t} IS NOT NULL${min === undefined ? sql`` : sql` AND ${t} >= ${min}`}${max === undefined ? sql`` : sql` AND ${t} <= ${max}`}`,
    reason: sql`${`expected ${what}${bounds}`}`,
  };
}

/**
 * ISO 8601 with an offset is an instant. Without one it is a local time, read in the
 * import's (or the mapping's) zone when one is named, and rejected otherwise.
 */
function timestampCheck(v: Sql, zone: string | null): ColumnCheck {
  // Most instants end in Z: those skip the regular expression.
  const hasOffset = sql`CASE WHEN ends_with(${v}, 'Z') THEN true ELSE regexp_matches(${v}, ${OFFSET}) END`;
  // DuckDB wants seconds; ISO allows HH:MM, so add them when the fast path fails.
  const withSeconds = sql`regexp_replace(${v}, '([T ][0-9]{2}:[0-9]{2})(Z|z|[+-]|$)', '\\1:00\\2')`;
  const instant = sql`coalesce(TRY_CAST(${v} AS TIMESTAMPTZ), TRY_CAST(${withSeconds} AS TIMESTAMPTZ))`;
  const local = sql`coalesce(TRY_CAST(${v} AS TIMESTAMP), TRY_CAST(${withSeconds} AS TIMESTAMP))`;
  const typed =
    zone === null
      ? sql`CASE WHEN ${hasOffset} THEN ${instant} END`
      : sql`CASE WHEN ${hasOffset} THEN ${instant} ELSE timezone(${zone}, ${local}) END`;
  const malformed = sql`'expected an ISO 8601 timestamp such as 2026-03-02T09:15:00+01:00'`;
  // A typed value means the text had an offset (or a zone applies): only failures look again.
  const reason =
    zone === null
      ? sql`CASE WHEN NOT ${hasOffset} THEN 'timestamp has no UTC offset (expected e.g. 2026-03-02T09:15:00+01:00, or name the zone with --timezone)' ELSE ${malformed} END`
      : malformed;
  return { typed, valid: notNull, reason };
}
