import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localMidnight, periodBounds } from './boundaries.js';
import { type Bucket, buckets, localDateAt, localDayNumberAt, offsetSegments } from './buckets.js';
import { dateOfDayNumber, localDayNumber, mondayOfWeekNumber, weekNumberOfDay } from './calendar.js';
import { period } from './test-periods.js';
import { instantMs, toInstant } from './zone.js';

const ZONES = ['Europe/Lisbon', 'America/New_York', 'Asia/Manila', 'Australia/Sydney', 'Asia/Kathmandu'];
const hours = (bucket: Bucket) => (instantMs(bucket.end) - instantMs(bucket.start)) / 3_600_000;
const hoursByLabel = (list: Bucket[]) =>
  Object.fromEntries(list.map((bucket) => [bucket.label, hours(bucket)]));

/** Deterministic PRNG (mulberry32) so the property test reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('day buckets', () => {
  it('cover Lisbon 2026-Q1 with 90 local days, each starting at a local midnight', () => {
    const q1 = period('2026-Q1');
    const days = buckets(q1, 'Europe/Lisbon', 'day');
    expect(days).toHaveLength(90);
    expect(days[0]?.start).toBe(periodBounds(q1, 'Europe/Lisbon').start);
    expect(days.at(-1)?.end).toBe(periodBounds(q1, 'Europe/Lisbon').end);
    days.forEach((bucket, index) => {
      expect(bucket.start).toBe(localMidnight(bucket.label, 'Europe/Lisbon'));
      expect([bucket.startDate, bucket.endDate]).toEqual([bucket.label, bucket.label]);
      if (index > 0) expect(bucket.start).toBe(days[index - 1]?.end);
    });
    const lengths = hoursByLabel(days);
    expect(lengths['2026-03-29']).toBe(23);
    expect(Object.values(lengths).filter((h) => h !== 24)).toEqual([23]);
  });

  it('give the DST days 23 and 25 hours in every zone that has them', () => {
    const year = period('2026');
    const odd = (zone: string) =>
      Object.entries(hoursByLabel(buckets(year, zone, 'day'))).filter(([, h]) => h !== 24);
    expect(odd('Europe/Lisbon')).toEqual([
      ['2026-03-29', 23],
      ['2026-10-25', 25],
    ]);
    expect(odd('America/New_York')).toEqual([
      ['2026-03-08', 23],
      ['2026-11-01', 25],
    ]);
    expect(odd('Australia/Sydney')).toEqual([
      ['2026-04-05', 25],
      ['2026-10-04', 23],
    ]);
    expect(odd('Asia/Manila')).toEqual([]);
    expect(odd('Asia/Kathmandu')).toEqual([]);
    expect(buckets(year, 'Asia/Kathmandu', 'day')[0]?.start).toBe('2025-12-31T18:15:00.000Z');
  });
});

describe('week buckets', () => {
  it('are ISO weeks labelled by Monday, the first and last clipped to the period', () => {
    const weeks = buckets(period('2026-Q1'), 'Europe/Lisbon', 'week');
    expect(weeks).toHaveLength(14);
    expect(weeks[0]).toEqual({
      label: '2025-12-29',
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-05T00:00:00.000Z',
      startDate: '2026-01-01',
      endDate: '2026-01-04',
    });
    expect(weeks.at(-1)).toEqual({
      label: '2026-03-30',
      start: '2026-03-29T23:00:00.000Z',
      end: '2026-03-31T23:00:00.000Z',
      startDate: '2026-03-30',
      endDate: '2026-03-31',
    });
    expect(hoursByLabel(weeks)['2026-03-23']).toBe(167);
    expect(weeks.slice(1, -1).every((week) => week.startDate === week.label)).toBe(true);
  });

  it('keep a whole week period as one bucket', () => {
    const week = period('2026-W44');
    expect(buckets(week, 'Europe/Lisbon', 'week')).toEqual([
      {
        label: '2026-10-26',
        start: '2026-10-26T00:00:00.000Z',
        end: '2026-11-02T00:00:00.000Z',
        startDate: '2026-10-26',
        endDate: '2026-11-01',
      },
    ]);
  });
});

describe('month buckets', () => {
  it('split a year into 12 months at local midnights', () => {
    const months = buckets(period('2026'), 'America/New_York', 'month');
    expect(months.map((month) => month.label)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}-01`),
    );
    expect(months[2]).toMatchObject({ start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z' });
    expect(months[1]?.endDate).toBe('2026-02-28');
  });

  it('clip to a period of days', () => {
    const months = buckets(period('2026-01-15..2026-03-10'), 'Australia/Sydney', 'month');
    expect(months.map((m) => [m.label, m.startDate, m.endDate])).toEqual([
      ['2026-01-01', '2026-01-15', '2026-01-31'],
      ['2026-02-01', '2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-01', '2026-03-10'],
    ]);
    expect(months[0]?.start).toBe('2026-01-14T13:00:00.000Z');
  });
});

describe('offsetSegments', () => {
  it('has one segment per DST regime, from the exact transition instant', () => {
    expect(offsetSegments('2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'Europe/Lisbon')).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2026-03-29T01:00:00.000Z', offsetSeconds: 0 },
      { from: '2026-03-29T01:00:00.000Z', to: '2026-10-25T01:00:00.000Z', offsetSeconds: 3600 },
      { from: '2026-10-25T01:00:00.000Z', to: '2027-01-01T00:00:00.000Z', offsetSeconds: 0 },
    ]);
    expect(offsetSegments('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'America/New_York')).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2026-03-08T07:00:00.000Z', offsetSeconds: -18_000 },
      { from: '2026-03-08T07:00:00.000Z', to: '2026-11-01T06:00:00.000Z', offsetSeconds: -14_400 },
      { from: '2026-11-01T06:00:00.000Z', to: '2027-01-01T00:00:00.000Z', offsetSeconds: -18_000 },
    ]);
    expect(offsetSegments('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'Australia/Sydney')).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2026-04-04T16:00:00.000Z', offsetSeconds: 39_600 },
      { from: '2026-04-04T16:00:00.000Z', to: '2026-10-03T16:00:00.000Z', offsetSeconds: 36_000 },
      { from: '2026-10-03T16:00:00.000Z', to: '2027-01-01T00:00:00.000Z', offsetSeconds: 39_600 },
    ]);
    expect(offsetSegments('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'Asia/Manila')).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', offsetSeconds: 28_800 },
    ]);
    expect(offsetSegments('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'Asia/Kathmandu')).toEqual([
      { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z', offsetSeconds: 20_700 },
    ]);
  });

  it('covers the period bounds it is asked for, and nothing for an empty interval', () => {
    const { start, end } = periodBounds(period('2026-Q1'), 'Europe/Lisbon');
    expect(offsetSegments(start, end, 'Europe/Lisbon').map((s) => s.offsetSeconds)).toEqual([0, 3600]);
    expect(offsetSegments(start, start, 'Europe/Lisbon')).toEqual([]);
    expect(() => offsetSegments(end, start, 'Europe/Lisbon')).toThrow(/is before/);
    // A transition exactly at the end is outside [start, end).
    expect(offsetSegments('2026-03-01T00:00:00Z', '2026-03-29T01:00:00Z', 'Europe/Lisbon')).toHaveLength(1);
  });

  it("reproduce luxon's local day and ISO week of random instants, and around every transition", () => {
    const [from, to] = ['2025-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z'];
    const [fromMs, toMs] = [instantMs(from), instantMs(to)];
    const next = random(1);
    const wrong: string[] = [];
    for (const zone of ZONES) {
      const segments = offsetSegments(from, to, zone);
      const edges = segments
        .slice(1)
        .flatMap((s) => [-1000, -1, 0, 1, 1000].map((d) => instantMs(s.from) + d));
      const randomMs = Array.from({ length: 4000 }, () => fromMs + Math.floor(next() * (toMs - fromMs)));
      for (const ms of [fromMs, toMs - 1, ...edges, ...randomMs]) {
        const local = DateTime.fromMillis(ms, { zone });
        const day = localDayNumberAt(ms, segments);
        const luxonDay = localDayNumber(local.toISODate() ?? '');
        const luxonMonday = dateOfDayNumber(luxonDay - (local.weekday - 1));
        if (day !== luxonDay || mondayOfWeekNumber(weekNumberOfDay(day)) !== luxonMonday) {
          wrong.push(`${zone} ${toInstant(ms)}`);
        }
      }
      expect(localDateAt('2026-03-29T00:59:59Z', offsetSegments(from, to, 'Europe/Lisbon'))).toBe(
        '2026-03-29',
      );
    }
    expect(wrong).toEqual([]);
  });
});
