import { describe, expect, it } from 'vitest';
import { bucketCount, checkWindowBounds } from './bounds.js';
import { buckets } from './buckets.js';
import { parsePeriods } from './period.js';

const periods = (text: string) => {
  const parsed = parsePeriods(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

describe('checkWindowBounds', () => {
  it('refuses a century at once, and more than 1,000 buckets', () => {
    const started = Date.now();
    expect(() => checkWindowBounds(periods('2000..2100'), 'day')).toThrow(/longer than 10 years/);
    expect(() => checkWindowBounds(periods('2000-01-01..2100-12-31'))).toThrow(/longer than 10 years/);
    expect(() => checkWindowBounds(periods('2024..2026'), 'day')).toThrow(
      /1096 day results is more than 1000/,
    );
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('accepts ten years less a day, a year of days and ten years of months', () => {
    expect(() => checkWindowBounds(periods('2016-01-01..2025-12-31'))).not.toThrow();
    expect(() => checkWindowBounds(periods('2016-01-01..2026-01-01'))).toThrow(/10 years/);
    expect(() => checkWindowBounds(periods('2026'), 'day')).not.toThrow();
    expect(() => checkWindowBounds(periods('2016-01..2025-12'), 'month')).not.toThrow();
    expect(() => checkWindowBounds(periods('2026-Q1'), 'week', 'body.period')).not.toThrow();
  });

  it('counts buckets as the series lists them', () => {
    for (const text of ['2026', '2026-Q1', '2026-02-25..2026-03-04', '2027-W01'])
      for (const grain of ['day', 'week', 'month'] as const)
        for (const period of periods(text))
          expect(bucketCount(period, grain)).toBe(buckets(period, 'UTC', grain).length);
  });
});
