import { describe, expect, it } from 'vitest';
import { containsDate, nextPeriod, periodOf, periodsOverlap, previousPeriod } from './period-ops.js';
import { period as one } from './test-periods.js';

describe('period relations', () => {
  it('steps to the previous and next period of the same kind', () => {
    expect(previousPeriod(one('2026-Q1')).label).toBe('2025-Q4');
    expect(previousPeriod(one('2026-01')).label).toBe('2025-12');
    expect(previousPeriod(one('2026-03')).days).toBe(28);
    expect(previousPeriod(one('2026')).label).toBe('2025');
    expect(previousPeriod(one('2026-W01')).label).toBe('2025-W52');
    expect(previousPeriod(one('2027-W01')).label).toBe('2026-W53');
    expect(previousPeriod(one('2026-01-01..2026-03-31')).label).toBe('2025-10-03..2025-12-31');
    expect(nextPeriod(one('2026-Q4')).label).toBe('2027-Q1');
    expect(nextPeriod(one('2026-01-01..2026-01-10')).label).toBe('2026-01-11..2026-01-20');
  });

  it('finds the period of a date', () => {
    expect(periodOf('2026-05-17', 'quarter').label).toBe('2026-Q2');
    expect(periodOf('2026-05-17', 'month').label).toBe('2026-05');
    expect(periodOf('2026-05-17', 'year').label).toBe('2026');
    expect(periodOf('2027-01-02', 'week').label).toBe('2026-W53');
    expect(periodOf('2025-12-30', 'week').label).toBe('2026-W01');
    expect(periodOf('2026-05-17', 'days').label).toBe('2026-05-17..2026-05-17');
    expect(() => periodOf('2026-05-32', 'month')).toThrow(/not a calendar date/);
  });

  it('tests overlap and containment on inclusive end dates', () => {
    const q1 = one('2026-Q1');
    expect(periodsOverlap(q1, one('2026-03'))).toBe(true);
    expect(periodsOverlap(q1, one('2026-Q2'))).toBe(false);
    expect(periodsOverlap(q1, one('2026-03-31..2026-04-02'))).toBe(true);
    expect(periodsOverlap(q1, one('2026-W01'))).toBe(true); // the week starts in 2025
    expect(containsDate(q1, '2026-03-31')).toBe(true);
    expect(containsDate(q1, '2026-04-01')).toBe(false);
    expect(containsDate(q1, '2025-12-31')).toBe(false);
  });
});
