import {
  addDays,
  daysBetweenInclusive,
  daysInMonth,
  firstMondayOfIsoYear,
  formatDate,
  isoWeekOf,
  parseDate,
} from './calendar.js';
import type { Period, PeriodKind } from './period.js';

/** Building and stepping periods; parsing lives in period.ts, which re-exports these. */

const pad2 = (value: number) => String(value).padStart(2, '0');
const pad4 = (value: number) => String(value).padStart(4, '0');

// Constructors for valid parts only; user text goes through parsePeriods (period.ts).
function make(kind: PeriodKind, label: string, startDate: string, endDate: string): Period {
  return { label, kind, startDate, endDate, days: daysBetweenInclusive(startDate, endDate) };
}

export const yearPeriod = (year: number): Period =>
  make('year', pad4(year), formatDate({ year, month: 1, day: 1 }), formatDate({ year, month: 12, day: 31 }));

export const quarterPeriod = (year: number, quarter: number): Period =>
  make(
    'quarter',
    `${pad4(year)}-Q${quarter}`,
    formatDate({ year, month: quarter * 3 - 2, day: 1 }),
    formatDate({ year, month: quarter * 3, day: daysInMonth(year, quarter * 3) }),
  );

export const monthPeriod = (year: number, month: number): Period =>
  make(
    'month',
    `${pad4(year)}-${pad2(month)}`,
    formatDate({ year, month, day: 1 }),
    formatDate({ year, month, day: daysInMonth(year, month) }),
  );

export function isoWeekPeriod(isoYear: number, week: number): Period {
  const monday = addDays(firstMondayOfIsoYear(isoYear), (week - 1) * 7);
  return make('week', `${pad4(isoYear)}-W${pad2(week)}`, monday, addDays(monday, 6));
}

const daysLabel = (startDate: string, endDate: string) => `${startDate}..${endDate}`;

/** Whole days from startDate to endDate inclusive (both valid, end not before start). */
export const daysRangePeriod = (startDate: string, endDate: string): Period =>
  make('days', daysLabel(startDate, endDate), startDate, endDate);

/** The period of `kind` that contains `date` (`days`: that one day). */
export function periodOf(date: string, kind: PeriodKind): Period {
  const parts = parseDate(date);
  if (!parts) throw new RangeError(`"${date}" is not a calendar date: expected YYYY-MM-DD`);
  switch (kind) {
    case 'year':
      return yearPeriod(parts.year);
    case 'quarter':
      return quarterPeriod(parts.year, Math.ceil(parts.month / 3));
    case 'month':
      return monthPeriod(parts.year, parts.month);
    case 'week': {
      const { year, week } = isoWeekOf(date);
      return isoWeekPeriod(year, week);
    }
    case 'days':
      return daysRangePeriod(date, date);
  }
}

/** The period of the same kind just before (`days`: the same number of days, ending the day before). */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'days') {
    const endDate = addDays(period.startDate, -1);
    const startDate = addDays(endDate, 1 - period.days);
    return daysRangePeriod(startDate, endDate);
  }
  return periodOf(addDays(period.startDate, -1), period.kind);
}

/** The period of the same kind just after (`days`: the same number of days). */
export function nextPeriod(period: Period): Period {
  if (period.kind === 'days') {
    const startDate = addDays(period.endDate, 1);
    const endDate = addDays(startDate, period.days - 1);
    return daysRangePeriod(startDate, endDate);
  }
  return periodOf(addDays(period.endDate, 1), period.kind);
}

// `YYYY-MM-DD` strings order as dates, so comparisons need no parsing.
export const periodsOverlap = (a: Period, b: Period): boolean =>
  a.startDate <= b.endDate && b.startDate <= a.endDate;

export const containsDate = (period: Period, date: string): boolean =>
  period.startDate <= date && date <= period.endDate;
