import { describe, expect, it } from 'vitest';
import { applyMetric, parseCustomMetric } from '../../query/custom-metric-store.js';
import { type QueryOptions, runQuery } from '../../query/run-query.js';
import { withWindows } from '../../test-support/text-query.js';
import type { Store } from '../store.js';
import { TENANTS } from './conformance-data.js';
import { expectSame } from './same-results.js';
import type { SuiteContext } from './suite-context.js';

const metric = (name: string, spec: string) => `apiVersion: covenant/v1
kind: Metric
metadata: { name: ${name} }
spec:
  label: { singular: ${name}, plural: ${name} }
  description: conformance
  dataset: interactions
  direction: higher
${spec}`;

/** One of each type, with parameters, text, booleans, arithmetic and timestamps. */
const METRICS = [
  metric(
    'c_share',
    `  type: share\n  where: "not abandoned and channel != 'email'"\n  numerator: "resolved and coalesce(csat, 0) >= 4"\n`,
  ),
  metric(
    'c_mean',
    `  type: mean\n  unit: seconds\n  where: "handle_seconds >= floor"\n  value: "handle_seconds / 2 + queue_seconds"\n  params:\n    floor: { type: number, default: 100, description: floor }\n`,
  ),
  metric('c_count', `  type: count\n  where: "upper(site) = 'LISBON' or is_blank(agent_id)"\n`),
  metric(
    'c_ratio',
    `  type: ratio\n  unit: ratio\n  numerator: "if(resolved, 1, 0)"\n  denominator: "if(seconds_between(started_at, coalesce(closed_at, started_at)) >= 0, 1, 0)"\n`,
  ),
];

/** Custom metrics compile through the store's dialect to the numbers the reference store gives. */
export function customMetricConformance(ctx: SuiteContext): void {
  const apply = async (store: Store) => {
    for (const text of METRICS) {
      const parsed = parseCustomMetric(text, 'conformance.yaml');
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      await applyMetric(store, TENANTS.contacts, parsed.value);
    }
  };
  const options: QueryOptions = withWindows({
    metrics: ['c_share', 'c_mean', 'c_count', 'c_ratio'],
    tenant: TENANTS.contacts,
    period: '2026-03',
    zone: 'Europe/Lisbon',
    where: {},
    by: ['site'],
    params: {},
    baseline: '2026-02',
    minN: 1,
    asOf: '2026-12-01T00:00:00Z',
  });

  describe('custom metrics (kind Metric)', () => {
    it('give the reference store’s results, by site and as a weekly series', async () => {
      await apply(ctx.store());
      await apply(ctx.reference());
      for (const extra of [{}, { by: [], grain: 'week' as const }, { params: { floor: '200' } }]) {
        const actual = await runQuery(ctx.store(), { ...options, ...extra });
        expect(actual.length).toBeGreaterThan(4);
        expectSame(actual, await runQuery(ctx.reference(), { ...options, ...extra }));
      }
    });
  });
}
