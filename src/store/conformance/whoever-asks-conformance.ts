import { describe, expect, it } from 'vitest';
import { VALUE_METRIC_IDS, valueMetrics } from '../../contracts/value-metrics.js';
import { METRIC_CATALOG } from '../../core/metric/catalog.js';
import type { MetricResult } from '../../core/metric/types.js';
import { reported } from '../../core/stats/reported.js';
import { runQuery } from '../../query/run-query.js';
import { type TextQuery, windowIn, withWindows } from '../../test-support/text-query.js';
import type { Store } from '../store.js';
import { TENANTS } from './conformance-data.js';
import { ENGINE_METRICS, tenantOf } from './metric-conformance.js';
import type { SuiteContext } from './suite-context.js';

/**
 * "One number, whoever asks" (metrics.md): every metric of the catalog for a vendor's
 * scope gives the same value and n asked by the client and asked by that vendor, whose
 * session on PostgreSQL sees only the vendor's rows (row-level security), and the same on
 * every store (the reference is DuckDB asked by the client). fcr's episodes and
 * retention's cohorts span vendors: the data holds a brightpath contact whose repeat
 * coastline handled (c4: i06, then i07 five days later), so a vendor's own rows alone
 * would give another fcr.
 */
const VENDOR = 'brightpath';
const AS_OF = '2026-12-01T00:00:00Z';
const CONTRACT = 'northwind-brightpath-2026';

const BASE: Omit<TextQuery, 'metrics' | 'tenant'> = {
  period: '2026-03',
  zone: 'Europe/Lisbon',
  where: { vendor: [VENDOR] },
  by: [],
  params: {},
  minN: 1,
  asOf: AS_OF,
};

/** Each asker's view of a store: as the client (tenant session) and as the vendor. */
const askers = (store: Store, tenant: string) => ({
  client: <T>(fn: (s: Store) => Promise<T>) => store.withSession({ tenant }, fn),
  vendor: <T>(fn: (s: Store) => Promise<T>) => store.withSession({ tenant, vendor: VENDOR }, fn),
});

/** What a surface shows of a result: its value as reported (12 significant digits), n, low and high. */
const essentials = (results: MetricResult[]) =>
  results.map((r) => ({
    metric: r.metric,
    group: r.group,
    value: reported(r.value),
    n: r.n,
    low: reported(r.low),
    high: reported(r.high),
  }));

/** Every engine metric for the vendor's scope, and the contact metrics on the contract's data too. */
const QUESTIONS: { name: string; tenant: string; metric: string; extra: Partial<TextQuery> }[] = [
  ...ENGINE_METRICS.map((m) => ({ name: m.id, tenant: tenantOf(m), metric: m.id, extra: {} })),
  ...ENGINE_METRICS.filter(
    (m) => m.datasets.includes('interactions') && !m.datasets.includes('qa_reviews'),
  ).map((m) => ({
    name: `${m.id} (contract data, quarterly, by site)`,
    tenant: TENANTS.contract,
    metric: m.id,
    extra: { period: '2026-Q1', by: ['site'] as TextQuery['by'] },
  })),
];

export function whoeverAsksConformance(ctx: SuiteContext): void {
  describe('one number, whoever asks', () => {
    it(`all ${METRIC_CATALOG.length} catalog metrics for a vendor's scope: client and vendor, every store`, async () => {
      const answers = async (store: Store, as: 'client' | 'vendor') => {
        const out: Record<string, unknown> = {};
        for (const q of QUESTIONS) {
          out[q.name] = await askers(store, q.tenant)[as]((s) =>
            runQuery(s, withWindows({ ...BASE, tenant: q.tenant, metrics: [q.metric], ...q.extra })).then(
              essentials,
            ),
          );
        }
        const value = VALUE_METRIC_IDS.filter((id) => METRIC_CATALOG.some((m) => m.id === id));
        out.value = await askers(store, TENANTS.contract)[as]((s) =>
          valueMetrics(s, {
            tenant: TENANTS.contract,
            contractId: CONTRACT,
            periods: [windowIn('2026-Q1')],
            metrics: value,
            asOf: AS_OF,
          }).then(essentials),
        );
        return out;
      };
      const reference = await answers(ctx.reference(), 'client');
      const covered = new Set([...QUESTIONS.map((q) => q.metric), ...VALUE_METRIC_IDS]);
      expect(METRIC_CATALOG.filter((m) => !covered.has(m.id)).map((m) => m.id)).toEqual([]);
      // The data can tell the askers apart: fcr of the vendor's own rows alone differs.
      expect(reference.fcr).toEqual([expect.objectContaining({ value: 0.5, n: 10 })]);
      const client = await answers(ctx.store(), 'client');
      // Client and vendor, on this store and on the reference: the four answers are identical.
      expect(await answers(ctx.store(), 'vendor')).toEqual(client);
      expect(await answers(ctx.reference(), 'vendor')).toEqual(reference);
      expect(client).toEqual(reference);
    });
  });
}
