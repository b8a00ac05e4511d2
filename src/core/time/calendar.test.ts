import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  daysBetweenInclusive,
  isDate,
  isoWeekday,
  isoWeekOf,
  isoWeeksInYear,
  localDayNumber,
  mondayOf,
  mondayOfWeekNumber,
  weekNumberOfDay,
} from './calendar.js';

const utcDate = (dayNumber: number) => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

describe('day numbers', () => {
  it('count days since 1970-01-01 and round-trip, as Date.UTC does', () => {
    expect(localDayNumber('1970-01-01')).toBe(0);
    expect(localDayNumber('1969-12-29')).toBe(-3);
    expect(localDayNumber('2026-01-01')).toBe(20_454);
    const wrong: number[] = [];
    for (let n = -200_000; n <= 200_000; n += 7) {
      const date = dateOfDayNumber(n);
      if (date !== utcDate(n) || localDayNumber(date) !== n) wrong.push(n);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps years below 100 literal and rejects non-dates', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-01')).toBe(false);
    expect(() => localDayNumber('2026-02-30')).toThrow(/not a calendar date/);
  });

  it('adds and counts days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetweenInclusive('2026-01-01', '2026-03-31')).toBe(90);
    expect(daysBetweenInclusive('2026-01-01', '2026-01-01')).toBe(1);
  });
});

describe('ISO weeks from day numbers', () => {
  it('(dayNumber + 3) div 7 counts Monday-based weeks from 1969-12-29', () => {
    expect(weekNumberOfDay(-3)).toBe(0);
    expect(weekNumberOfDay(3)).toBe(0); // Sunday 1970-01-04
    expect(weekNumberOfDay(4)).toBe(1); // Monday 1970-01-05
    expect(weekNumberOfDay(-4)).toBe(-1); // floor division before 1969-12-29
    expect(mondayOfWeekNumber(0)).toBe('1969-12-29');
  });

  it('agrees with luxon on weekday, Monday, ISO year and week, 1990..2060', () => {
    const wrong: string[] = [];
    for (let n = localDayNumber('1990-01-01'); n <= localDayNumber('2060-12-31'); n += 1) {
      const date = dateOfDayNumber(n);
      const luxon = DateTime.fromISO(date, { zone: 'utc' });
      const week = isoWeekOf(date);
      const agrees =
        isoWeekday(date) === luxon.weekday &&
        mondayOf(date) === luxon.startOf('week').toISODate() &&
        mondayOfWeekNumber(weekNumberOfDay(n)) === mondayOf(date) &&
        week.year === luxon.weekYear &&
        week.week === luxon.weekNumber;
      if (!agrees) wrong.push(date);
    }
    expect(wrong).toEqual([]);
  });

  it('knows which ISO years have 53 weeks', () => {
    expect(isoWeeksInYear(2026)).toBe(53); // 1 January 2026 is a Thursday
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2020)).toBe(53); // leap year starting on a Wednesday
    for (let year = 1990; year <= 2060; year += 1) {
      expect(isoWeeksInYear(year)).toBe(
        DateTime.fromObject({ weekYear: year, weekNumber: 1 }, { zone: 'utc' }).weeksInWeekYear,
      );
    }
  });
});
