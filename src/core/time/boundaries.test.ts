import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { UserError } from '../issues.js';
import { localMidnight, maturesAt, maturesOn, periodBounds } from './boundaries.js';
import { addDays } from './calendar.js';
import { period } from './test-periods.js';
import { checkZone, instantMs, localDateOf } from './zone.js';

const ZONES = ['Europe/Lisbon', 'America/New_York', 'Asia/Manila', 'Australia/Sydney', 'Asia/Kathmandu'];

describe('periodBounds', () => {
  it('puts Lisbon 2026-Q1 between local midnights: the end is in summer time (UTC+1)', () => {
    expect(periodBounds(period('2026-Q1'), 'Europe/Lisbon')).toEqual({
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-03-31T23:00:00.000Z',
    });
    expect(periodBounds(period('2026-Q2'), 'Europe/Lisbon').start).toBe('2026-03-31T23:00:00.000Z');
    expect(periodBounds(period('2026-Q3'), 'Europe/Lisbon').end).toBe('2026-09-30T23:00:00.000Z');
    expect(periodBounds(period('2026-Q4'), 'Europe/Lisbon')).toEqual({
      start: '2026-09-30T23:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
  });

  it('handles New York, Manila (no DST), Sydney (southern DST) and Kathmandu (+05:45)', () => {
    expect(periodBounds(period('2026-03'), 'America/New_York')).toEqual({
      start: '2026-03-01T05:00:00.000Z', // EST
      end: '2026-04-01T04:00:00.000Z', // EDT from 8 March
    });
    expect(periodBounds(period('2026-Q1'), 'Asia/Manila')).toEqual({
      start: '2025-12-31T16:00:00.000Z',
      end: '2026-03-31T16:00:00.000Z',
    });
    expect(periodBounds(period('2026-Q2'), 'Australia/Sydney')).toEqual({
      start: '2026-03-31T13:00:00.000Z', // AEDT, +11
      end: '2026-06-30T14:00:00.000Z', // AEST, +10 from 5 April
    });
    expect(periodBounds(period('2026-Q4'), 'Australia/Sydney')).toEqual({
      start: '2026-09-30T14:00:00.000Z',
      end: '2026-12-31T13:00:00.000Z', // AEDT again from 4 October
    });
    expect(periodBounds(period('2026-03'), 'Asia/Kathmandu')).toEqual({
      start: '2026-02-28T18:15:00.000Z',
      end: '2026-03-31T18:15:00.000Z',
    });
  });

  it('uses whole days, end date inclusive, for a range of days', () => {
    expect(periodBounds(period('2026-03-29..2026-03-29'), 'Europe/Lisbon')).toEqual({
      start: '2026-03-29T00:00:00.000Z',
      end: '2026-03-29T23:00:00.000Z',
    });
  });

  it('rejects an unknown zone with a clear error', () => {
    expect(() => periodBounds(period('2026-Q1'), 'Europe/Lisbo')).toThrow(UserError);
    expect(() => periodBounds(period('2026-Q1'), 'Europe/Lisbo')).toThrow(
      'unknown time zone "Europe/Lisbo": expected an IANA time zone name such as Europe/Lisbon or America/New_York',
    );
    expect(() => localMidnight('2026-01-01', '+01:00')).toThrow(/unknown time zone/);
    const checked = checkZone('Mars/Olympus', ['spec', 'timezone']);
    expect(checked.ok ? [] : checked.issues).toEqual([
      expect.objectContaining({ code: 'invalid_timezone', path: ['spec', 'timezone'] }),
    ]);
    expect(checkZone('Asia/Kathmandu')).toEqual({ ok: true, value: 'Asia/Kathmandu', warnings: [] });
  });
});

describe('localMidnight', () => {
  it('is the first instant of every local date of 2026, as luxon says, in every test zone', () => {
    const wrong: string[] = [];
    for (const zone of ZONES) {
      for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
        const midnight = instantMs(localMidnight(date, zone));
        const luxon = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
        const first = localDateOf(midnight, zone) === date && localDateOf(midnight - 1, zone) < date;
        if (midnight !== luxon || !first) wrong.push(`${zone} ${date}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('starts a day whose midnight is skipped at the jump, and a repeated midnight at its first occurrence', () => {
    // Havana springs forward at 00:00 CST (05:00Z) and falls back at 01:00 CDT to 00:00.
    expect(localMidnight('2026-03-08', 'America/Havana')).toBe('2026-03-08T05:00:00.000Z');
    expect(localMidnight('2026-11-01', 'America/Havana')).toBe('2026-11-01T04:00:00.000Z');
    // Samoa skipped 30 December 2011: the day is empty, starting where 31 December does.
    expect(localMidnight('2011-12-30', 'Pacific/Apia')).toBe(localMidnight('2011-12-31', 'Pacific/Apia'));
  });
});

describe('maturity', () => {
  const q1 = period('2026-Q1');

  it('is the period end plus the duration, days counted in the local calendar', () => {
    expect(maturesOn(q1, 'Europe/Lisbon')).toBe('2026-04-01');
    expect(maturesAt(q1, 'Europe/Lisbon')).toBe('2026-03-31T23:00:00.000Z');
    expect(maturesOn(q1, 'Europe/Lisbon', '7d')).toBe('2026-04-08');
    expect(maturesAt(q1, 'Europe/Lisbon', '7d')).toBe('2026-04-07T23:00:00.000Z');
    expect(maturesOn(q1, 'Europe/Lisbon', '90d')).toBe('2026-06-30');
    expect(maturesAt(q1, 'Europe/Lisbon', '4h')).toBe('2026-04-01T03:00:00.000Z');
    expect(maturesOn(q1, 'Europe/Lisbon', '4h')).toBe('2026-04-01');
  });

  it('crosses a DST change at local midnight', () => {
    // A week ending Saturday 24 October: 7 days later is past the fall-back of the 25th.
    const week = period('2026-10-18..2026-10-24');
    expect(maturesAt(week, 'Europe/Lisbon', '7d')).toBe('2026-11-01T00:00:00.000Z');
    expect(maturesOn(period('2026-03'), 'America/New_York', '7d')).toBe('2026-04-08');
    expect(maturesAt(period('2026-03'), 'Australia/Sydney', '7d')).toBe('2026-04-07T14:00:00.000Z');
  });
});
