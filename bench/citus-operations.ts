import { performance } from 'node:perf_hooks';
import { loadDemo } from '../src/demo/load-demo.js';
import { runQuery } from '../src/query/run-query.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import type { Store } from '../src/store/store.js';
import { windowIn } from '../src/test-support/text-query.js';
import { withBenchCluster } from './bench-cluster.js';

/**
 * The operations metrics (schedules against agent states) on a 3-node Citus cluster, as
 * citus.test.ts asks them: the demo at a small scale, one quarter by vendor, first right
 * after the import (the shards' statistics as the import left them; autovacuum has not
 * run), then the best of three. DuckDB's time on the same demo beside it.
 */
export const OPERATIONS = ['adherence', 'conformance', 'occupancy'];
const TENANT = 'northwind';

export interface OperationsFigure {
  metric: string;
  engine: string;
  firstSeconds: number;
  bestSeconds: number;
}

async function timeMetric(store: Store, metric: string): Promise<number> {
  const started = performance.now();
  await runQuery(store, {
    metrics: [metric],
    tenant: TENANT,
    periods: [windowIn('2026-Q2')],
    zone: 'Europe/Lisbon',
    where: {},
    by: ['vendor'],
    params: {},
    minN: 1,
    asOf: '2026-12-01T00:00:00Z',
    intervals: false,
  });
  return (performance.now() - started) / 1000;
}

async function measure(engine: string, store: Store, scale: number): Promise<OperationsFigure[]> {
  await loadDemo(store, { scale, seed: 7, tenant: TENANT, decisions: false });
  const figures: OperationsFigure[] = [];
  for (const metric of OPERATIONS) {
    const firstSeconds = await timeMetric(store, metric);
    let bestSeconds = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i += 1) bestSeconds = Math.min(bestSeconds, await timeMetric(store, metric));
    figures.push({ metric, engine, firstSeconds, bestSeconds });
  }
  return figures;
}

export async function benchCitusOperations(scale: number): Promise<OperationsFigure[]> {
  const duck = await DuckDbStore.open(':memory:');
  const figures = await measure('DuckDB', duck, scale).finally(() => duck.close());
  figures.push(...(await withBenchCluster(undefined, (store) => measure('Citus', store, scale))));
  return figures;
}
