import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetName } from '../core/dataset/types.js';
import type { MetricResult } from '../core/metric/types.js';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { type QueryOptions, runQuery } from './run-query.js';

/**
 * Remote operations metrics over hand-built data, March 2026 in Europe/Lisbon: the period
 * is [2026-03-01T00:00Z, 2026-03-31T23:00Z) because Lisbon moves from UTC+0 to UTC+1 at
 * 2026-03-29T01:00Z, so its 1 April midnight is 23:00Z on 31 March.
 */

const dir = tempDir();

const DATA: Partial<Record<DatasetName, string[]>> = {
  agents: [
    'agent_id,vendor,site,timezone,role,team_lead_id,critical_role,hired_at,left_at',
    'a1,brightpath,lisbon,Europe/Lisbon,agent,,false,2025-01-01,',
    'a2,brightpath,manila,Asia/Manila,agent,,false,2025-06-01,',
    // hired mid-period: not in the first coaching window nor the start headcount
    'a3,brightpath,lisbon,Europe/Lisbon,agent,,,2026-03-10,',
    // leaves on 20 March: in the first coaching window only; a leaver
    'a4,brightpath,manila,Asia/Manila,agent,,,2024-01-01,2026-03-20',
    // last day 31 March: a leaver, in the start headcount, not in the end headcount
    'a5,brightpath,lisbon,Europe/Lisbon,agent,,,2024-01-01,2026-03-31',
    'a6,brightpath,lisbon,Europe/Lisbon,agent,,,2026-04-05,',
    'a7,brightpath,manila,Asia/Manila,agent,,,2025-01-01,2026-02-28',
    't1,brightpath,lisbon,Europe/Lisbon,team_lead,,,2020-01-01,',
    'o1,otherco,porto,Europe/Lisbon,agent,,,2025-01-01,',
  ],
  schedules: [
    'agent_id,activity,start,end',
    // a1, Monday 2 March (Lisbon = UTC): 240 min work + 30 min break
    'a1,work,2026-03-02T08:00:00Z,2026-03-02T12:00:00Z',
    'a1,break,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z',
    // a1 across the DST change: 00:30 WET to 03:30 WEST is 120 elapsed minutes
    'a1,training,2026-03-29T00:30:00+00:00,2026-03-29T03:30:00+01:00',
    // a2 across midnight: 240 min
    'a2,work,2026-03-10T22:00:00Z,2026-03-11T02:00:00Z',
    // a4 across the period start: clipped to 00:00-02:00 = 120 min
    'a4,work,2026-02-28T22:00:00Z,2026-03-01T02:00:00Z',
    // a5 across the period end (23:00Z): clipped to 21:00-23:00 = 120 min
    'a5,work,2026-03-31T21:00:00Z,2026-04-01T01:00:00Z',
    // outside the period
    'a1,work,2026-04-02T08:00:00Z,2026-04-02T12:00:00Z',
    // another vendor: 60 min, all matched
    'o1,work,2026-03-03T09:00:00Z,2026-03-03T10:00:00Z',
  ],
  agent_states: [
    'agent_id,state,start,end',
    'a1,available,2026-03-02T08:05:00Z,2026-03-02T10:00:00Z',
    'a1,on_contact,2026-03-02T10:00:00Z,2026-03-02T11:50:00Z',
    'a1,break,2026-03-02T11:50:00Z,2026-03-02T12:30:00Z',
    // unscheduled: counts for conformance and occupancy, not adherence
    'a1,available,2026-03-02T13:00:00Z,2026-03-02T13:30:00Z',
    'a1,training,2026-03-29T00:30:00Z,2026-03-29T01:30:00Z',
    'a1,meeting,2026-03-29T01:30:00Z,2026-03-29T02:30:00Z',
    'a2,available,2026-03-10T21:50:00Z,2026-03-10T23:00:00Z',
    'a2,on_contact,2026-03-10T23:00:00Z,2026-03-11T00:30:00Z',
    'a2,offline,2026-03-11T00:30:00Z,2026-03-11T01:00:00Z',
    'a2,after_contact_work,2026-03-11T01:00:00Z,2026-03-11T02:15:00Z',
    'a4,on_contact,2026-02-28T21:00:00Z,2026-03-01T01:00:00Z',
    'a4,break,2026-03-01T01:00:00Z,2026-03-01T02:00:00Z',
    'a5,available,2026-03-31T21:00:00Z,2026-04-01T01:00:00Z',
    'a1,available,2026-04-02T08:00:00Z,2026-04-02T12:00:00Z',
    'o1,available,2026-03-03T09:00:00Z,2026-03-03T10:00:00Z',
  ],
  coaching_sessions: [
    'session_id,agent_id,coach_id,held_at,mode,minutes',
    's1,a1,t1,2026-03-05T10:00:00Z,video,30',
    // the second window's first instant
    's2,a1,t1,2026-03-15T00:00:00Z,in_person,30',
    's3,a2,t1,2026-03-20T09:00:00Z,async,20',
    // a3 was not employed for all of window 1; window 3 (29 Mar - 11 Apr) is not full
    's4,a3,t1,2026-03-12T09:00:00Z,video,30',
    's5,a3,t1,2026-03-29T09:00:00Z,video,30',
    's6,a4,t1,2026-03-02T09:00:00Z,video,30',
    // the period's first instant
    's7,a5,t1,2026-03-01T00:00:00Z,async,15',
    's8,o1,t1,2026-03-02T09:00:00Z,video,30',
  ],
  vacancies: [
    'vacancy_id,vendor,site,role,critical_role,opened_at,filled_at',
    'v1,brightpath,lisbon,agent,true,2026-02-10,2026-03-05', // filled in March: 23 days
    'v2,brightpath,manila,agent,true,2026-03-02,2026-03-12', // 10 days
    'v3,brightpath,lisbon,team_lead,true,2026-03-03,2026-03-30', // 27 days
    'v4,brightpath,manila,agent,false,2026-03-01,2026-03-04', // not critical
    'v5,brightpath,lisbon,agent,true,2026-03-20,', // open, deadline 10 April
    'v6,brightpath,manila,agent,true,2026-03-05,', // open, deadline 26 March
    'v7,brightpath,lisbon,agent,true,2026-03-25,2026-04-20', // 26 days, deadline 15 April
    'v8,otherco,porto,agent,true,2026-03-10,2026-03-15', // 5 days
  ],
};

let store: Store;
beforeAll(async () => {
  store = await memoryStore();
  for (const [dataset, lines] of Object.entries(DATA)) {
    const file = writeText(dir, `${dataset}.csv`, `${lines.join('\n')}\n`);
    const summary = await importFile(store, dataset as DatasetName, file, { tenant: 'default' });
    expect(summary.rejected, dataset).toBe(0);
  }
});

const BASE: QueryOptions = {
  metrics: [],
  tenant: 'default',
  period: '2026-03',
  zone: 'Europe/Lisbon',
  where: { vendor: ['brightpath'] },
  by: [],
  params: {},
  minN: 1,
  asOf: '2026-12-01T00:00:00Z',
};

const query = (metric: string, options: Partial<QueryOptions> = {}) =>
  runQuery(store, { ...BASE, metrics: [metric], ...options });

async function one(metric: string, options: Partial<QueryOptions> = {}): Promise<MetricResult> {
  const results = await query(metric, options);
  expect(results).toHaveLength(1);
  return results[0] as MetricResult;
}

const bySite = async (metric: string, options: Partial<QueryOptions> = {}) =>
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
