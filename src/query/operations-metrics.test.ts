import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { OPERATIONS_DATA } from '../test-support/metric-data.js';
import { marchQueries, storeWith } from '../test-support/metric-store.js';
import type { TextQuery } from '../test-support/text-query.js';

/** OPERATIONS_DATA: March 2026 in Europe/Lisbon (see src/test-support/metric-data.ts). */

let store: Store;
beforeAll(async () => {
  store = await storeWith(OPERATIONS_DATA);
});

const { query, one } = marchQueries(() => store);

const bySite = async (metric: string, options: Partial<TextQuery> = {}) =>
  Object.fromEntries(
    (await query(metric, { by: ['site'], ...options })).map((r) => [
      r.group.site,
      { value: r.value, n: r.n },
    ]),
  );

describe('adherence', () => {
  // a1 2 March: work 08:00-12:00 matched by available 08:05-10:00 (115) + on_contact
  //   10:00-11:50 (110); break 12:00-12:30 matched by break 11:50-12:30 (30) -> 255 of 270.
  // a1 29 March (DST): training 120 elapsed min, training state 60 -> 60 of 120.
  // a2 across midnight: work 22:00-02:00 (240): available 22:00-23:00 (60), on_contact
  //   23:00-00:30 (90), offline (0), acw 01:00-02:00 (60) -> 210 of 240.
  // a4 clipped at the period start: work 00:00-02:00 (120): on_contact 00:00-01:00 (60), break (0).
  // a5 clipped at the period end: work 21:00-23:00Z (120), available -> 120.
  // brightpath: (255 + 60 + 210 + 60 + 120) / (270 + 120 + 240 + 120 + 120) = 705 / 870.
  it('is matched minutes over scheduled minutes, clipped to the period, in elapsed time', async () => {
    const r = await one('adherence');
    expect(r.value).toBeCloseTo(705 / 870, 12);
    expect(r.n).toBeCloseTo(870, 9);
    expect(r.unit).toBe('share');
  });

  it('breaks down by site: lisbon a1 + a5 (435 / 510), manila a2 + a4 (270 / 360)', async () => {
    const sites = await bySite('adherence');
    expect(Object.keys(sites).sort()).toEqual(['lisbon', 'manila']);
    expect(sites.lisbon?.value).toBeCloseTo(435 / 510, 12);
    expect(sites.lisbon?.n).toBeCloseTo(510, 9);
    expect(sites.manila?.value).toBeCloseTo(270 / 360, 12);
    expect(sites.manila?.n).toBeCloseTo(360, 9);
  });

  it('covers every vendor without a filter (otherco adds 60 of 60) and one agent with one', async () => {
    const all = await one('adherence', { where: {} });
    expect(all.value).toBeCloseTo(765 / 930, 12);
    const a1 = await one('adherence', { where: { agent: ['a1'] } });
    expect(a1.value).toBeCloseTo(315 / 390, 12);
    expect(a1.n).toBeCloseTo(390, 9);
  });

  it('answers n = 0 with no value for a period without schedules', async () => {
    const r = await one('adherence', { period: '2026-05' });
    expect(r).toMatchObject({ value: null, n: 0, insufficient: true });
  });

  it('as a daily series, the DST day reads its own 120 elapsed minutes', async () => {
    const series = await query('adherence', { grain: 'day' });
    expect(series).toHaveLength(31);
    const day = (d: string) => series.find((r) => r.group.bucket === d);
    expect(day('2026-03-29')).toMatchObject({ value: 0.5, n: 120 });
    // a2's midnight-crossing shift splits at Lisbon midnight (00:00Z before the change):
    // 10 March 22:00-24:00 all matched (available 60 + on_contact 60); 11 March 00:00-02:00
    // on_contact 30 + offline 0 + acw 60 = 90 of 120.
    expect(day('2026-03-10')).toMatchObject({ value: 1, n: 120 });
    expect(day('2026-03-11')).toMatchObject({ value: 0.75, n: 120 });
  });
});

describe('conformance and occupancy', () => {
  // Ready minutes (available, on_contact, acw) in the period, scheduled or not: a1 115 +
  // 110 + 30 (13:00-13:30, unscheduled) = 255; a2 70 (21:50-23:00: before its shift too)
  // + 90 + 75 (acw to 02:15) = 235; a4 on_contact clipped to 00:00-01:00 = 60;
  // a5 21:00-23:00Z = 120. Total 670.
  // Scheduled work: a1 240, a2 240, a4 120, a5 120 = 720.
  it('conformance = ready minutes / scheduled work minutes', async () => {
    const r = await one('conformance');
    expect(r.value).toBeCloseTo(670 / 720, 12);
    expect(r.n).toBeCloseTo(720, 9);
  });

  // Busy (on_contact + acw): a1 110, a2 90 + 75, a4 60 = 335 of 670 ready.
  it('occupancy = busy minutes / ready minutes', async () => {
    const r = await one('occupancy');
    expect(r.value).toBeCloseTo(0.5, 12);
    expect(r.n).toBeCloseTo(670, 9);
    const sites = await bySite('occupancy');
    // lisbon: a1 110 of 255 + a5 0 of 120; manila: a2 165 of 235 + a4 60 of 60
    expect(sites.lisbon?.value).toBeCloseTo(110 / 375, 12);
    expect(sites.manila?.value).toBeCloseTo(225 / 295, 12);
  });
});

describe('coaching_coverage', () => {
  // 14-day windows from 1 March: 1-14 and 15-28 March; 29 March - 11 April is not full.
  // Agent-windows (role agent, employed all window): a1 x2, a2 x2, a3 window 2 only (hired
  // 10 March), a4 window 1 only (left 20 March), a5 x2 = 8 (t1 is a team lead; a6, a7 are
  // not employed in March).
  // Covered: a1 w1 (s1 video), a1 w2 (s2 in_person at 15 March 00:00), a2 w2 (s3 async),
  // a4 w1 (s6 video), a5 w1 (s7 async at the period's first instant) = 5.
  it('counts agent-windows with a session over agent-windows of agents employed for all of them', async () => {
    expect(await one('coaching_coverage')).toMatchObject({ value: 5 / 8, n: 8 });
  });

  it('counts only sessions of the mode asked', async () => {
    expect(await one('coaching_coverage', { params: { mode: 'video' } })).toMatchObject({
      value: 2 / 8,
      n: 8,
    });
    expect(await one('coaching_coverage', { params: { mode: 'in_person' } })).toMatchObject({
      value: 1 / 8,
      n: 8,
    });
  });

  it('breaks down by site: lisbon a1, a3, a5 (3 of 5), manila a2, a4 (2 of 3)', async () => {
    expect(await bySite('coaching_coverage')).toEqual({
      lisbon: { value: 3 / 5, n: 5 },
      manila: { value: 2 / 3, n: 3 },
    });
  });

  it('with a 7d cadence has four windows (1-7, 8-14, 15-21, 22-28 March)', async () => {
    // a1: 4 windows, covered w1 (s1 5 Mar), w3 (s2 15 Mar); a2: 4, covered w3 (s3 20 Mar);
    // a3: w3, w4 (hired 10 March: not all of w2), none covered; a4: w1, w2 (left 20 March),
    // covered w1 (s6); a5: 4, covered w1 (s7). 5 of 16.
    expect(await one('coaching_coverage', { params: { cadence: '7d' } })).toMatchObject({
      value: 5 / 16,
      n: 16,
    });
  });
});

describe('coaching_coverage without a full window', () => {
  it('has no agent-windows when the period is shorter than the cadence', async () => {
    expect(await one('coaching_coverage', { period: '2026-03-01..2026-03-10' })).toMatchObject({
      value: null,
      n: 0,
    });
  });

  it('refuses a cadence that is not whole days', async () => {
    await expect(query('coaching_coverage', { params: { cadence: '36h' } })).rejects.toThrow(/whole days/);
  });
});

describe('attrition', () => {
  // brightpath role agent: start headcount (employed 1 March) a1, a2, a4, a5 = 4; end
  // headcount (employed after 31 March) a1, a2, a3 = 3; leavers in March a4, a5 = 2.
  it('annualises leavers over the mean of the start and end headcount', async () => {
    const r = await one('attrition');
    expect(r.value).toBeCloseTo(((2 / 3.5) * 365) / 31, 12);
    expect(r.n).toBe(4); // 3.5 rounded
    expect(r.unit).toBe('ratio');
  });

  it('breaks down by site: lisbon 1 / ((2 + 2) / 2), manila 1 / ((2 + 1) / 2)', async () => {
    const sites = await bySite('attrition');
    expect(sites.lisbon?.value).toBeCloseTo(((1 / 2) * 365) / 31, 12);
    expect(sites.lisbon?.n).toBe(2);
    expect(sites.manila?.value).toBeCloseTo(((1 / 1.5) * 365) / 31, 12);
    expect(sites.manila?.n).toBe(2);
  });
});

describe('backfill_days', () => {
  it('is the median days to fill of critical vacancies filled in the period: 10, 23, 27', async () => {
    expect(await one('backfill_days')).toMatchObject({ value: 23, n: 3, unit: 'days' });
  });

  it('interpolates an even count (otherco adds 5: 5, 10, 23, 27 -> 16.5) and breaks down by site', async () => {
    expect(await one('backfill_days', { where: {} })).toMatchObject({ value: 16.5, n: 4 });
    expect(await bySite('backfill_days')).toEqual({
      lisbon: { value: 25, n: 2 },
      manila: { value: 10, n: 1 },
    });
  });
});

describe('backfill_within_sla', () => {
  // Critical vacancies opened in March: v2 (10 days), v3 (27), v5 (open), v6 (open), v7 (26).
  // As of 2026-12-01, E = end + 21 days: every deadline has passed; only v2 is within 21 days.
  it('judges every vacancy once the period end plus days has passed', async () => {
    expect(await one('backfill_within_sla')).toMatchObject({ value: 1 / 5, n: 5, matured: true });
  });

  // As of 27 March 00:00Z, the last whole day is 26 March: v2 filled (in time); v3's
  // deadline 24 March passed unfilled as of then (filled 30 March); v6's deadline
  // 26 March passed; v5 (deadline 10 April) and v7 (15 April) are not yet due.
  it('leaves out vacancies whose deadline has not passed as of an early asOf', async () => {
    expect(await one('backfill_within_sla', { asOf: '2026-03-27T00:00:00Z' })).toMatchObject({
      value: 1 / 3,
      n: 3,
      matured: false,
    });
  });

  it('takes the days parameter: within 30 days v2, v3 and v7 are in time; v5 and v6 missed', async () => {
    // E = 30 April end of day; v5 (deadline 19 April) and v6 (4 April) unfilled.
    expect(await one('backfill_within_sla', { params: { days: '30' } })).toMatchObject({
      value: 3 / 5,
      n: 5,
    });
  });
});
