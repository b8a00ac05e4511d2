import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricResult } from '../core/metric/types.js';
import { raw } from '../core/sql/fragment.js';
import { importFile } from '../ingest/import-file.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from '../test-support/fixtures.js';
import { MARCH_QUERY } from '../test-support/metric-store.js';
import { type TextQuery, withWindows } from '../test-support/text-query.js';
import { runQuery } from './run-query.js';
import { CUSTOMERS, interactionsCsv, MARCH } from './test-data.js';

const dir = tempDir();
let store: Store;

beforeAll(async () => {
  store = await memoryStore();
  await importFile(store, 'interactions', writeText(dir, 'march.csv', interactionsCsv(MARCH)), {
    tenant: 'default',
  });
  await importFile(store, 'customers', writeText(dir, 'customers.csv', CUSTOMERS), { tenant: 'default' });
});

const query = (metrics: string[], extra: Partial<TextQuery> = {}) =>
  runQuery(store, withWindows({ ...MARCH_QUERY, metrics, ...extra }));

const one = (results: MetricResult[], metric: string) =>
  results.find((r) => r.metric === metric) as MetricResult;

describe('contact outcomes on hand-built March data (Europe/Lisbon)', () => {
  // In March locally: i01-i03, i05, i06, i08-i14 = 12 contacts; i12 and i13 are abandoned.
  it('counts, shares and means as metrics.md defines them', async () => {
    const r = await query([
      'contacts',
      'csat',
      'csat_mean',
      'resolution_rate',
      'error_rate',
      'aht',
      'asa',
      'service_level',
      'abandon_rate',
      'containment',
      'escalation_rate',
      'bot_error_rate',
      'offer_conversion',
      'revenue_per_contact',
    ]);
    const values = Object.fromEntries(r.map((x) => [x.metric, [x.value, x.n]]));
    expect(values).toEqual({
      contacts: [12, 12],
      csat: [5 / 7, 7], // surveyed handled: i01 2, i02 5, i03 4, i05 5, i06 3, i10 5, i14 4 (i12 abandoned)
      csat_mean: [4, 7], // 28 / 7
      resolution_rate: [0.8, 10], // handled 10, resolved: i02 i03 i05 i06 i08 i09 i10 i14
      error_rate: [0.2, 10], // i08, i11
      aht: [265, 8], // (300+200+100+150+400+600+120+250) / 8
      asa: [143 / 7, 7], // answered: 10+30+3+25+15+40+20
      service_level: [0.5, 8], // offered 9 less short abandon i12; within 20 s: i01 i03 i06 i14
      abandon_rate: [0.125, 8], // i13 only (i12 is a short abandon)
      containment: [1 / 12, 12], // i09
      escalation_rate: [1 / 3, 3], // i10 of i09 i10 i11
      bot_error_rate: [0.5, 2], // i11 of i09 i11
      offer_conversion: [0.5, 2], // i03 accepted, i10 declined
      revenue_per_contact: [10 / 12, 12],
    });
    const csat = one(r, 'csat');
    expect(csat.low).toBeCloseTo(0.359, 3); // Wilson 5 of 7
    expect(csat.high).toBeCloseTo(0.918, 3);
    expect(one(r, 'aht').low).toBeLessThan(265);
  });

  it('takes the continuous 90th percentile of human handle time, with a reproducible bootstrap interval', async () => {
    const [first] = await query(['handle_p90']);
    const [second] = await query(['handle_p90']);
    // sorted 100 120 150 200 250 300 400 600: position 0.9 x 7 = 6.3 -> 400 + 0.3 x 200
    expect(first?.value).toBeCloseTo(460, 9);
    expect(first?.low).not.toBeNull();
    expect(second?.low).toBe(first?.low);
    expect(second?.high).toBe(first?.high);
  });

  it("gives handle_p90's value from its histogram, PostgreSQL's percentile_cont to the last bit, with or without intervals", async () => {
    // Exactly what PostgreSQL 15's percentile_cont(0.9) returns for these handle times
    // (lo + (h - j)(hi - lo), h = 0.9(n - 1)); DuckDB's quantile_cont computes lo(1 - f) + hi f,
    // which can differ in the last place (lisbon), so every store now answers PostgreSQL's.
    const [all] = await query(['handle_p90'], { intervals: false });
    expect(all).toMatchObject({ value: 459.99999999999994, n: 8, low: null }); // 400 + 0.3 x 200
    const bySite = await query(['handle_p90'], { by: ['site'] });
    expect(bySite.map((r) => [r.group.site, r.value, r.n])).toEqual([
      ['lisbon', 480.00000000000006, 7], // 100 150 200 250 300 400 600: 400 + 0.4 x 200
      ['manila', 120, 1],
    ]);
    // The engine's own percentile over the same rows, to the last place or two.
    const direct = await store.query<{ site: string; p: number }>(
      raw(`SELECT site, quantile_cont(handle_seconds, 0.9) AS p FROM interactions
           WHERE tenant = 'default' AND NOT abandoned AND path IN ('human', 'bot_to_human')
             AND started_at >= TIMESTAMPTZ '2026-03-01 00:00:00+00' AND started_at < TIMESTAMPTZ '2026-03-31 23:00:00+00'
           GROUP BY site ORDER BY site`),
    );
    for (const [i, d] of direct.entries()) expect(bySite[i]?.value).toBeCloseTo(d.p, 9);
  });

  it('builds fcr episodes from all of a customer’s contacts and scopes them by the first', async () => {
    const [fcr] = await query(['fcr'], { asOf: '2026-04-05T00:00:00Z' });
    // Episodes starting in March: c1 (i01+i02), c2, c4 (i06 + coastline's i07 in April), i08 (no customer),
    // c5, c6, c7, c8, c9, c10; c3's i05 continues a February episode. Single, handled, resolved: c2 i08 c5 c6 c10.
    expect(fcr).toMatchObject({ value: 0.5, n: 10, matured: false, maturesOn: '2026-04-08' });
    const [shorter] = await query(['fcr'], { params: { repeatWindow: '2d' } });
    // With 2 days, c1's i02 (3 days after i01), c3's i05 (6 days after February's i04) and c4's i06 (i07 comes
    // 4.4 days later) stand alone: 12 episodes; single, handled, resolved: i02 c2 i05 i06 i08 c5 c6 c10.
    expect(shorter).toMatchObject({ n: 12, value: 8 / 12, matured: true });
  });

  it('measures 90-day retention from the local date of the first handled contact', async () => {
    const [retention] = await query(['retention_90d']);
    // c1 churned within; c2 c3 c5 c6 retained; c4's first contact is 30 March locally (29 March UTC), churned
    // on day 90 exactly: not retained; c7 churned; c10 is missing from customers.
    expect(retention).toMatchObject({ value: 4 / 7, n: 7, maturesOn: '2026-06-30' });
    expect(retention?.warnings?.[0]).toMatch(/^1 customers/);
  });

  it('counts the backlog open at the period end and the largest site share', async () => {
    const r = await query(['backlog', 'max_site_share']);
    expect(one(r, 'backlog')).toMatchObject({ value: 1, n: 1 }); // i08, closed on 2 April
    expect(one(r, 'max_site_share')).toMatchObject({ value: 0.9, n: 10 }); // lisbon 9 of 10 handled
  });

  it('breaks down by dimensions and answers n = 0 with no data', async () => {
    const r = await query(['contacts', 'csat'], { by: ['site'] });
    expect(r.map((x) => [x.metric, x.group.site, x.value])).toEqual([
      ['contacts', 'lisbon', 11],
      ['contacts', 'manila', 1],
      ['csat', 'lisbon', 4 / 6],
      ['csat', 'manila', 1],
    ]);
    const [empty] = await query(['csat'], { where: { vendor: ['nobody'] } });
    expect(empty).toMatchObject({ value: null, n: 0, insufficient: true, low: null });
  });

  it('builds a daily series in local days across the DST change', async () => {
    const r = await query(['contacts'], { grain: 'day' });
    expect(r).toHaveLength(31);
    const byDay = Object.fromEntries(r.map((x) => [x.group.bucket, x.value]));
    expect(byDay['2026-03-29']).toBe(1); // i14
    expect(byDay['2026-03-30']).toBe(1); // i06 (29 March 23:30Z)
    expect(byDay['2026-03-01']).toBe(0);
    const weeks = await query(['contacts'], { grain: 'week' });
    expect(weeks[0]?.group.bucket).toBe('2026-02-23');
    expect(weeks.reduce((sum, w) => sum + (w.value ?? 0), 0)).toBe(12);
  });

  it('compares with a baseline period and with a written number', async () => {
    const [vsNumber] = await query(['resolution_rate'], { baseline: '0.5' });
    expect(vsNumber).toMatchObject({ baseline: 0.5, difference: 0.30000000000000004 });
    expect(vsNumber?.p).toBeLessThan(0.06);
    const [vsPeriod] = await query(['contacts'], { baseline: '2026-02' });
    expect(vsPeriod).toMatchObject({ baseline: 2, difference: 10 }); // February locally: i04 and i16 (28 Feb 23:30)
  });
});
