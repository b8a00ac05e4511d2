import { fail, type Issue, ok, type Result } from '../issues.js';
import { isoWeeksInYear, parseDate } from './calendar.js';
import {
  daysRangePeriod,
  isoWeekPeriod,
  monthPeriod,
  nextPeriod,
  quarterPeriod,
  yearPeriod,
} from './period-ops.js';

export * from './period-ops.js';

/**
 * Contract periods as local calendar dates. A period knows nothing of zones: its
 * instants come from boundaries.ts with the contract's zone, so one parsed period
 * serves every engine and every zone.
 */

export type PeriodKind = 'year' | 'quarter' | 'month' | 'week' | 'days';

export interface Period {
  /** Canonical text: `2026`, `2026-Q1`, `2026-03`, `2026-W10`, `2026-01-01..2026-03-31`. */
  label: string;
  kind: PeriodKind;
  /** First local date, `YYYY-MM-DD`. */
  startDate: string;
  /** Last local date, inclusive. */
  endDate: string;
  /** Calendar days, end inclusive. */
  days: number;
}

/** A period of whole days from a start and an inclusive end date, e.g. a contract's term. */
export function daysPeriod(
  startDate: string,
  endDate: string,
  path: (string | number)[] = [],
): Result<Period> {
  return parsePeriod(`${startDate}..${endDate}`, path);
}

const EXPECTED =
  'expected 2026 (year), 2026-Q1 (quarter), 2026-03 (month), 2026-W10 (ISO week), ' +
  '2026-01-01..2026-03-31 (whole days, end inclusive) or a range such as 2026-Q1..2026-Q4';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

type Single = { ok: true; period: Period } | { ok: false; reason: string };

/** One period without `..`; `reason` says what is wrong with it. */
function parseSingle(text: string): Single {
  const year = /^(\d{4})$/.exec(text);
  if (year) return { ok: true, period: yearPeriod(Number(year[1])) };
  const quarter = /^(\d{4})-Q(\d+)$/i.exec(text);
  if (quarter) {
    const q = Number(quarter[2]);
    if (q < 1 || q > 4) return { ok: false, reason: `quarter ${quarter[2]} does not exist (Q1 to Q4)` };
    return { ok: true, period: quarterPeriod(Number(quarter[1]), q) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return { ok: false, reason: `month ${month[2]} does not exist (01 to 12)` };
    return { ok: true, period: monthPeriod(Number(month[1]), m) };
  }
  const week = /^(\d{4})-W(\d{2})$/i.exec(text);
  if (week) {
    const [y, w] = [Number(week[1]), Number(week[2])];
    const weeks = isoWeeksInYear(y);
    if (w < 1 || w > weeks)
      return { ok: false, reason: `week ${week[2]} does not exist: ${y} has ${weeks} ISO weeks` };
    return { ok: true, period: isoWeekPeriod(y, w) };
  }
  if (DATE_SHAPE.test(text)) {
    return parseDate(text)
      ? { ok: false, reason: `a single date is not a period; write a range of days such as ${text}..${text}` }
      : { ok: false, reason: `${text} is not a calendar date` };
  }
  return { ok: false, reason: EXPECTED };
}

const issue = (text: string, reason: string, path: (string | number)[]): Issue => ({
  code: 'invalid_period',
  path,
  message: `"${text}" is not a period: ${reason}`,
});

function parseDays(input: string, from: string, to: string, path: (string | number)[]): Result<Period[]> {
  const invalid = [from, to]
    .filter((date) => !parseDate(date))
    .map((date) => `${date} is not a calendar date`);
  if (invalid.length > 0) return fail([issue(input, invalid.join('; '), path)]);
  if (to < from) return fail([issue(input, `the end date ${to} is before the start date ${from}`, path)]);
  return ok([daysRangePeriod(from, to)]);
}

/**
 * Parses period text from contracts and the command line, with messages that say what
 * was expected. A period or a range of consecutive periods: `2026-Q1..2026-Q4` is four
 * quarters, `2026-01..2026-06` six months (years and ISO weeks likewise), while
 * `2026-01-01..2026-03-31` is one period of whole days. YAML reads `2026` as a number:
 * pass String(value).
 */
export function parsePeriods(input: string, path: (string | number)[] = []): Result<Period[]> {
  const text = input.trim();
  const parts = text.split('..');
  if (parts.length === 1) {
    const single = parseSingle(text);
    return single.ok ? ok([single.period]) : fail([issue(input, single.reason, path)]);
  }
  if (parts.length > 2) return fail([issue(input, `a range has one "..": ${EXPECTED}`, path)]);
  const [from, to] = [(parts[0] as string).trim(), (parts[1] as string).trim()];
  const looksLikeDate = [from, to].map((side) => DATE_SHAPE.test(side));
  if (looksLikeDate[0] && looksLikeDate[1]) return parseDays(input, from, to, path);
  if (looksLikeDate[0] || looksLikeDate[1]) {
    return fail([issue(input, 'a range of days needs a date (YYYY-MM-DD) at both ends', path)]);
  }
  const [first, last] = [parseSingle(from), parseSingle(to)];
  if (!first.ok || !last.ok) {
    const problems = [
      first.ok ? undefined : `the start ${from}: ${first.reason}`,
      last.ok ? undefined : `the end ${to}: ${last.reason}`,
    ];
    return fail([issue(input, problems.filter(Boolean).join('; '), path)]);
  }
  const [a, b] = [first.period, last.period];
  if (a.kind !== b.kind) {
    return fail([
      issue(
        input,
        `both ends of a range must be the same kind of period, not a ${a.kind} and a ${b.kind}`,
        path,
      ),
    ]);
  }
  if (b.startDate < a.startDate)
    return fail([issue(input, `the range ends (${b.label}) before it starts (${a.label})`, path)]);
  const periods = [a];
  for (let current = a; current.label !== b.label; ) {
    current = nextPeriod(current);
    periods.push(current);
  }
  return ok(periods);
}

/** Exactly one period: a range of several periods is an error that says how many. */
export function parsePeriod(input: string, path: (string | number)[] = []): Result<Period> {
  const parsed = parsePeriods(input, path);
  if (!parsed.ok) return parsed;
  const [only, ...rest] = parsed.value;
  if (!only || rest.length > 0) {
    const kind = parsed.value[0]?.kind ?? 'period';
    return fail([issue(input, `expected one period, got a range of ${parsed.value.length} ${kind}s`, path)]);
  }
  return ok(only);
}
