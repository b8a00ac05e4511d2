import { describe, expect, it } from 'vitest';
import type { Result } from '../issues.js';
import { daysPeriod, nextPeriod, type Period, parsePeriod, parsePeriods } from './period.js';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.message).join('; '));
  return result.value;
};
const one = (text: string): Period => value(parsePeriod(text));
const messageOf = (text: string): string => {
  const result = parsePeriods(text, ['spec', 'recalibration', 'reference']);
  if (result.ok) throw new Error(`${text} parsed`);
  expect(result.issues).toHaveLength(1);
  expect(result.issues[0]?.code).toBe('invalid_period');
  expect(result.issues[0]?.path).toEqual(['spec', 'recalibration', 'reference']);
  return result.issues[0]?.message ?? '';
};

describe('parsePeriod', () => {
  it('reads quarters, months, years, ISO weeks and ranges of days', () => {
    expect(one('2026-Q1')).toEqual({
      label: '2026-Q1',
      kind: 'quarter',
      startDate: '2026-01-01',
      endDate: '2026-03-31',
      days: 90,
    });
    expect(one('2026-02')).toMatchObject({
      kind: 'month',
      startDate: '2026-02-01',
      endDate: '2026-02-28',
      days: 28,
    });
    expect(one('2024-02')).toMatchObject({ endDate: '2024-02-29', days: 29 });
    expect(one('2026')).toMatchObject({
      kind: 'year',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      days: 365,
    });
    expect(one('2026-W01')).toMatchObject({
      kind: 'week',
      startDate: '2025-12-29',
      endDate: '2026-01-04',
      days: 7,
    });
    expect(one('2026-W53')).toMatchObject({ startDate: '2026-12-28', endDate: '2027-01-03' });
    expect(one('2026-01-01..2026-03-31')).toEqual({
      label: '2026-01-01..2026-03-31',
      kind: 'days',
      startDate: '2026-01-01',
      endDate: '2026-03-31',
      days: 90,
    });
    expect(one('2026-05-04..2026-05-04').days).toBe(1);
  });

  it('canonicalises labels', () => {
    expect(one(' 2026-q4 ').label).toBe('2026-Q4');
    expect(one('2026-w10').label).toBe('2026-W10');
    expect(one('2026-Q2..2026-Q2').label).toBe('2026-Q2');
  });

  it('wants one period, not a range of several', () => {
    const result = parsePeriod('2026-Q1..2026-Q4');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]?.message).toMatch(/expected one period, got a range of 4 quarters/);
  });
});

describe('parsePeriods', () => {
  const labels = (text: string) => value(parsePeriods(text)).map((period) => period.label);

  it('expands ranges of quarters, months, years and weeks into consecutive periods', () => {
    expect(labels('2026-Q1..2026-Q4')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(labels('2025-Q4..2026-Q1')).toEqual(['2025-Q4', '2026-Q1']);
    expect(labels('2026-01..2026-06')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(labels('2025-11..2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(labels('2024..2026')).toEqual(['2024', '2025', '2026']);
    expect(labels('2026-W52..2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    const quarters = value(parsePeriods('2026-Q1..2026-Q4'));
    quarters.slice(1).forEach((quarter, index) => {
      expect(quarter.startDate).toBe(nextPeriod(quarters[index] as Period).startDate);
    });
    expect(quarters.reduce((sum, quarter) => sum + quarter.days, 0)).toBe(365);
  });

  it('reads a range of days as one period', () => {
    expect(labels('2026-01-01..2026-03-31')).toEqual(['2026-01-01..2026-03-31']);
  });

  it('says what was expected', () => {
    expect(messageOf('Q1-2026')).toMatch(
      /^"Q1-2026" is not a period: expected 2026 \(year\), 2026-Q1 \(quarter\), 2026-03 \(month\), 2026-W10 \(ISO week\), 2026-01-01\.\.2026-03-31/,
    );
    expect(messageOf('2026-Q5')).toMatch(/quarter 5 does not exist \(Q1 to Q4\)/);
    expect(messageOf('2026-13')).toMatch(/month 13 does not exist \(01 to 12\)/);
    expect(messageOf('2025-W53')).toMatch(/week 53 does not exist: 2025 has 52 ISO weeks/);
    expect(messageOf('2026-W00')).toMatch(/week 00 does not exist/);
    expect(messageOf('2026-03-15')).toMatch(
      /a single date is not a period; write a range of days such as 2026-03-15\.\.2026-03-15/,
    );
    expect(messageOf('2026-02-30..2026-03-31')).toMatch(/: 2026-02-30 is not a calendar date$/);
    expect(messageOf('2026-03-31..2026-01-01')).toMatch(
      /the end date 2026-01-01 is before the start date 2026-03-31/,
    );
    expect(messageOf('2026-Q3..2026-Q1')).toMatch(/the range ends \(2026-Q1\) before it starts \(2026-Q3\)/);
    expect(messageOf('2026-Q1..2026-06')).toMatch(/same kind of period, not a quarter and a month/);
    expect(messageOf('2026-01-01..2026-03')).toMatch(
      /a range of days needs a date \(YYYY-MM-DD\) at both ends/,
    );
    expect(messageOf('2026-Q1..2026-Q2..2026-Q3')).toMatch(/a range has one "\.\."/);
    expect(messageOf('2026-Q1..')).toMatch(/the end : expected 2026 \(year\)/);
    expect(messageOf('')).toMatch(/expected 2026 \(year\)/);
  });

  it('builds a period of days for a term, with the caller path', () => {
    expect(value(daysPeriod('2026-01-01', '2026-12-31')).days).toBe(365);
    const bad = daysPeriod('2026-12-31', '2026-01-01', ['spec', 'term']);
    expect(bad.ok ? [] : bad.issues.map((issue) => issue.path)).toEqual([['spec', 'term']]);
  });
});
