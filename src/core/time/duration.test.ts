import { describe, expect, it } from 'vitest';
import { UserError } from '../issues.js';
import { addDuration, parseDuration } from './duration.js';

const seconds = (text: string) => {
  const parsed = parseDuration(text);
  return parsed.ok ? parsed.value.seconds : parsed.issues[0]?.message;
};

describe('parseDuration', () => {
  it('reads the contract units as nominal seconds', () => {
    expect(seconds('20s')).toBe(20);
    expect(seconds('30m')).toBe(1800);
    expect(seconds('4h')).toBe(14_400);
    expect(seconds('7d')).toBe(604_800);
    expect(seconds('90d')).toBe(7_776_000);
    expect(parseDuration(' 07d ')).toEqual({
      ok: true,
      value: { label: '7d', amount: 7, unit: 'd', seconds: 604_800 },
      warnings: [],
    });
  });

  it('says what a duration looks like', () => {
    for (const text of ['7', '1.5h', '7w', '-1d', '', 'd', '7 d']) {
      expect(seconds(text)).toBe(
        `"${text}" is not a duration: expected a whole number and a unit s, m, h or d (20s, 30m, 4h, 7d, 90d)`,
      );
    }
    const parsed = parseDuration('7w', ['spec', 'remoteOperations', 'coaching', 'cadence']);
    expect(parsed.ok ? undefined : parsed.issues[0]).toMatchObject({
      code: 'invalid_duration',
      path: ['spec', 'remoteOperations', 'coaching', 'cadence'],
    });
  });
});

describe('addDuration', () => {
  it('adds whole days to a date', () => {
    expect(addDuration('2026-03-31', '7d')).toBe('2026-04-07');
    expect(addDuration('2026-01-15', '90d')).toBe('2026-04-15');
    expect(() => addDuration('2026-03-31', '4h')).toThrow(UserError);
    expect(() => addDuration('2026-03-31', '4h')).toThrow(/a date takes whole days/);
  });

  it('adds elapsed time to an instant, through DST changes', () => {
    expect(addDuration('2026-03-29T00:30:00Z', '4h', 'Europe/Lisbon')).toBe('2026-03-29T04:30:00.000Z');
    expect(addDuration('2026-03-29T00:30:00+00:00', '30m')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('adds calendar days in the zone: the same wall time, 23 or 25 hours later across DST', () => {
    // Lisbon: Saturday 12:00 WET + 1d = Sunday 12:00 WEST, 23 hours later.
    expect(addDuration('2026-03-28T12:00:00Z', '1d', 'Europe/Lisbon')).toBe('2026-03-29T11:00:00.000Z');
    expect(addDuration('2026-03-28T12:00:00Z', '1d')).toBe('2026-03-29T12:00:00.000Z'); // UTC by default
    // New York: 31 October 09:00 EDT + 7d = 7 November 09:00 EST.
    expect(addDuration('2026-10-31T09:00:00-04:00', '7d', 'America/New_York')).toBe(
      '2026-11-07T14:00:00.000Z',
    );
    // Sydney: 4 April 10:00 AEDT + 1d = 5 April 10:00 AEST, 25 hours later.
    expect(addDuration('2026-04-03T23:00:00Z', '1d', 'Australia/Sydney')).toBe('2026-04-05T00:00:00.000Z');
  });

  it('moves a wall time that falls in a DST gap to the end of the gap', () => {
    // Lisbon skips 01:00-02:00 on 29 March: 01:30 the day before + 1d -> 02:00 WEST.
    expect(addDuration('2026-03-28T01:30:00Z', '1d', 'Europe/Lisbon')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('wants an instant with an offset', () => {
    expect(() => addDuration('2026-03-28T12:00:00', '1d')).toThrow(
      /is not an instant: expected ISO 8601 with an offset/,
    );
    expect(() => addDuration('2026-03-28T12:00:00Z', '1d', 'Nowhere/Land')).toThrow(/unknown time zone/);
  });
});
