import { describe, expect, it } from 'vitest';
import { METRIC_CATALOG } from '../../core/metric/catalog.js';
import { METRIC_PLANS } from '../../core/metric/plans.js';
import type { MetricInfo, MetricResult } from '../../core/metric/types.js';
import { runQuery } from '../../query/run-query.js';
import { type TextQuery, withWindows } from '../../test-support/text-query.js';
import type { Store } from '../store.js';
import { TENANTS } from './conformance-data.js';
import { expectSame } from './same-results.js';
import type { SuiteContext } from './suite-context.js';

const BASE: Omit<TextQuery, 'metrics' | 'tenant'> = {
  period: '2026-03',
  zone: 'Europe/Lisbon',
  where: {},
  by: [],
  params: {},
  minN: 1,
  asOf: '2026-12-01T00:00:00Z',
};

/** The tenant holding the data a metric reads. */
export function tenantOf(info: MetricInfo): string {
  if (info.datasets.includes('qa_reviews')) return TENANTS.qa;
  if (info.datasets.includes('interactions')) return TENANTS.contacts;
  if (info.datasets.includes('incidents') || info.datasets.includes('access_events')) return TENANTS.security;
  return TENANTS.operations;
}

/** Every metric of the catalog that the engine computes (value metrics need a contract: see contracts). */
export const ENGINE_METRICS = METRIC_CATALOG.filter((m) => METRIC_PLANS[m.id]);

/** The scopes every metric is asked in: whole, against a baseline period; by site; a weekly series of one vendor. */
const SCOPES: Record<string, Partial<TextQuery>> = {
  whole: { baseline: '2026-02' },
  bySite: { by: ['site'], where: { vendor: ['brightpath'] } },
  weekly: { grain: 'week', where: { vendor: ['brightpath'] } },
};

/** Parameters other than the defaults, as the metric tests ask them. */
const VARIANTS: { metric: string; params: Record<string, unknown> }[] = [
  { metric: 'fcr', params: { repeatWindow: '2d' } },
  { metric: 'service_level', params: { answerWithin: '30' } },
  { metric: 'coaching_coverage', params: { cadence: '7d', mode: 'video' } },
  { metric: 'access_compliance', params: { allowedCountries: 'PT,PH' } },
  { metric: 'backfill_within_sla', params: { days: '30' } },
];

/** Every metric through the store's dialect, on the same data: the hand-worked values, then every result recorded. */
export function metricConformance(ctx: SuiteContext): void {
  const query = (tenant: string, metrics: string[], extra: Partial<TextQuery> = {}) =>
    runQuery(ctx.store(), withWindows({ ...BASE, tenant, metrics, ...extra }));
  const value = async (tenant: string, metric: string, extra: Partial<TextQuery> = {}) => {
    const results = await query(tenant, [metric], extra);
    expect(results).toHaveLength(1);
    return results[0] as MetricResult;
  };

  describe('metrics: the values worked out by hand in the metric tests', () => {
    it('contact outcomes of the March contacts (contact-metrics.test.ts)', async () => {
      const contacts = (metrics: string[], extra: Partial<TextQuery> = {}) =>
        query(TENANTS.contacts, metrics, { where: { vendor: ['brightpath'] }, ...extra });
      const r = await contacts([
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
      const close = (v: number) => expect.closeTo(v, 9);
      expect(values).toEqual({
        contacts: [12, 12],
        csat: [close(5 / 7), 7],
        csat_mean: [close(4), 7],
        resolution_rate: [close(0.8), 10],
        error_rate: [close(0.2), 10],
        aht: [close(265), 8],
        asa: [close(143 / 7), 7],
        service_level: [close(0.5), 8],
        abandon_rate: [close(0.125), 8],
        containment: [close(1 / 12), 12],
        escalation_rate: [close(1 / 3), 3],
        bot_error_rate: [close(0.5), 2],
        offer_conversion: [close(0.5), 2],
        revenue_per_contact: [close(10 / 12), 12],
      });
      const [p90] = await contacts(['handle_p90']);
      expect(p90?.value).toBeCloseTo(460, 9);
      const [fcr] = await contacts(['fcr'], { asOf: '2026-04-05T00:00:00Z' });
      expect(fcr).toMatchObject({ value: 0.5, n: 10, matured: false, maturesOn: '2026-04-08' });
      const [retention] = await contacts(['retention_90d']);
      expect(retention).toMatchObject({ value: 4 / 7, n: 7, maturesOn: '2026-06-30' });
      expect(retention?.warnings?.[0]).toMatch(/^1 customers/);
      const [backlog, share] = await contacts(['backlog', 'max_site_share']);
      expect(backlog).toMatchObject({ value: 1, n: 1 });
      expect(share).toMatchObject({ value: 0.9, n: 10 });
      const daily = await contacts(['contacts'], { grain: 'day' });
      const byDay = Object.fromEntries(daily.map((x) => [x.group.bucket, x.value]));
      expect([daily.length, byDay['2026-03-29'], byDay['2026-03-30'], byDay['2026-03-01']]).toEqual([
        31, 1, 1, 0,
      ]);
    });

    it("Krippendorff's alpha and QA scores (qa-metrics.test.ts)", async () => {
      const alpha = await value(TENANTS.qa, 'qa_alpha');
      expect(alpha.value).toBeCloseTo(0.849, 3);
      expect(alpha.n).toBe(40);
      expect(await value(TENANTS.qa, 'qa_score')).toMatchObject({ value: 90, n: 3 });
    });

    it('remote operations (operations-metrics.test.ts)', async () => {
      const ops = (metric: string, extra: Partial<TextQuery> = {}) =>
        value(TENANTS.operations, metric, { where: { vendor: ['brightpath'] }, ...extra });
      expect((await ops('adherence')).value).toBeCloseTo(705 / 870, 12);
      expect((await ops('conformance')).value).toBeCloseTo(670 / 720, 12);
      expect((await ops('occupancy')).value).toBeCloseTo(0.5, 12);
      expect(await ops('coaching_coverage')).toMatchObject({ value: 5 / 8, n: 8 });
      expect((await ops('attrition')).value).toBeCloseTo(((2 / 3.5) * 365) / 31, 12);
      expect(await ops('backfill_days')).toMatchObject({ value: 23, n: 3 });
      expect(await ops('backfill_days', { where: {} })).toMatchObject({ value: 16.5, n: 4 });
      expect(await ops('backfill_within_sla')).toMatchObject({ value: 1 / 5, n: 5 });
      const day = (
        await query(TENANTS.operations, ['adherence'], { where: { vendor: ['brightpath'] }, grain: 'day' })
      ).find((r) => r.group.bucket === '2026-03-29');
      expect(day).toMatchObject({ value: 0.5, n: 120 });
    });

    it('security (security-metrics.test.ts)', async () => {
      const sec = (metric: string, extra: Partial<TextQuery> = {}) =>
        value(TENANTS.security, metric, { where: { vendor: ['brightpath'] }, ...extra });
      expect(await sec('access_compliance')).toMatchObject({ value: 3 / 5, n: 5 });
      expect(await sec('access_compliance', { params: { allowedCountries: 'PT,PH' } })).toMatchObject({
        value: 2 / 5,
      });
      expect(await sec('incident_ack_sla')).toMatchObject({ value: 3 / 5, n: 5, matured: true });
      expect(await sec('incident_ack_sla', { asOf: '2026-03-05T10:18:00Z' })).toMatchObject({
        value: 1 / 2,
        n: 2,
      });
      expect(await sec('incident_resolve_sla')).toMatchObject({ value: 2 / 5, n: 5 });
    });
  });

  describe('metrics: every metric, the same results as the reference store', () => {
    it(`all ${ENGINE_METRICS.length} engine metrics in three scopes, and parameter variants`, async () => {
      const everything = async (store: Store) => {
        const ask = (tenant: string, metrics: string[], extra: Partial<TextQuery>) =>
          runQuery(store, withWindows({ ...BASE, tenant, metrics, ...extra }));
        const results: Record<string, MetricResult[]> = {};
        for (const info of ENGINE_METRICS) {
          for (const [name, scope] of Object.entries(SCOPES)) {
            results[`${info.id} ${name}`] = await ask(tenantOf(info), [info.id], scope);
          }
        }
        for (const { metric, params } of VARIANTS) {
          const info = ENGINE_METRICS.find((m) => m.id === metric) as MetricInfo;
          results[`${metric} ${JSON.stringify(params)}`] = await ask(tenantOf(info), [metric], { params });
        }
        // All the contact aggregates in one statement, as a dashboard asks them, by day and by dimensions.
        const aggregates = ENGINE_METRICS.filter((m) => METRIC_PLANS[m.id]?.kind === 'aggregate').map(
          (m) => m.id,
        );
        results['contact aggregates by site and channel'] = await ask(TENANTS.contacts, aggregates, {
          by: ['site', 'channel'],
        });
        results['contact aggregates daily'] = await ask(TENANTS.contacts, aggregates, { grain: 'day' });
        results['contract contacts by month'] = await ask(TENANTS.contract, aggregates, {
          period: '2025-10-01..2026-06-30',
          grain: 'month',
          where: { vendor: ['brightpath'], workflow: ['card_dispute', 'chargeback'] },
        });
        return results;
      };
      expectSame(await everything(ctx.store()), await everything(ctx.reference()));
    });
  });
}
