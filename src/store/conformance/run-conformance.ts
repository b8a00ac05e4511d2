import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { DuckDbStore } from '../duckdb/duckdb-store.js';
import type { Store } from '../store.js';
import { loadConformanceData } from './conformance-data.js';
import { contractConformance } from './contract-conformance.js';
import { customMetricConformance } from './custom-metric-conformance.js';
import { factsConformance } from './facts-conformance.js';
import { importConformance } from './import-conformance.js';
import { type IsolationOptions, isolationConformance } from './isolation-conformance.js';
import { metricConformance } from './metric-conformance.js';
import type { SuiteContext } from './suite-context.js';
import { whoeverAsksConformance } from './whoever-asks-conformance.js';

/**
 * The one conformance suite every store runs (duckdb.conformance.test.ts,
 * postgres.conformance.test.ts): import, every metric, settlement, proposals and isolation,
 * on the same data, asserting the same results: the values the metric tests worked out by
 * hand, and for everything else the results of a reference store (DuckDB in memory, the
 * embedded default) given the same data and asked the same things. One store per run,
 * one tenant per concern.
 */
export function runConformance(
  name: string,
  openStore: () => Promise<Store>,
  options: IsolationOptions,
): void {
  describe(`${name} store conformance`, () => {
    let store: Store | undefined;
    let reference: Store | undefined;
    let dir = '';
    const opened = (s: Store | undefined) => {
      if (!s) throw new Error('the store did not open');
      return s;
    };
    const ctx: SuiteContext = {
      store: () => opened(store),
      reference: () => opened(reference),
      dir: () => dir,
    };
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'covenant-conformance-'));
      store = await openStore();
      reference = await DuckDbStore.open(':memory:');
      await loadConformanceData(store, dir);
      await loadConformanceData(reference, dir);
    });
    afterAll(async () => {
      await store?.close();
      await reference?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    importConformance(ctx);
    factsConformance(ctx);
    metricConformance(ctx);
    contractConformance(ctx);
    whoeverAsksConformance(ctx);
    isolationConformance(ctx, options);
    customMetricConformance(ctx);
  });
}
