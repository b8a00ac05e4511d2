import { expect } from 'vitest';
import type { DatasetName } from '../core/dataset/types.js';
import type { MetricResult } from '../core/metric/types.js';
import { importFile } from '../ingest/import-file.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';
import { memoryStore, tempDir, writeText } from './fixtures.js';
import { type TextQuery, withWindows } from './text-query.js';

/** March 2026 in Europe/Lisbon, brightpath, judged long after: the hand-worked tests' scope. */
export const MARCH_QUERY: TextQuery = {
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

/** A memory store holding datasets given as CSV lines, imported through the real importer without a reject. */
export async function storeWith(data: Partial<Record<DatasetName, string[]>>): Promise<Store> {
  const store = await memoryStore();
  const dir = tempDir();
  for (const [dataset, lines] of Object.entries(data)) {
    const file = writeText(dir, `${dataset}.csv`, `${(lines ?? []).join('\n')}\n`);
    const summary = await importFile(store, dataset as DatasetName, file, { tenant: 'default' });
    expect(summary.rejected, dataset).toBe(0);
  }
  return store;
}

/** `query` runs one metric in the March scope; `one` expects exactly one result. */
export function marchQueries(store: () => Store) {
  const query = (metric: string, options: Partial<TextQuery> = {}) =>
    runQuery(store(), withWindows({ ...MARCH_QUERY, metrics: [metric], ...options }));
  const one = async (metric: string, options: Partial<TextQuery> = {}): Promise<MetricResult> => {
    const results = await query(metric, options);
    expect(results).toHaveLength(1);
    return results[0] as MetricResult;
  };
  return { query, one };
}
