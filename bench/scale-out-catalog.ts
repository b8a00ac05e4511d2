import type { Sql } from '../src/core/sql/fragment.js';
import { parseWindows } from '../src/core/time/period-window.js';
import { runQuery } from '../src/query/run-query.js';
import type { Store } from '../src/store/store.js';

/**
 * The scale-out benchmarks' catalog question: the given contact metrics for vendor
 * brightpath, 2026-Q2 in Europe/Lisbon, with n and intervals (bench/scale-out.ts,
 * bench/pg-catalog.ts). `onStatement` sees each statement the engine runs.
 */
export const scaleOutCatalog = (store: Store, metrics: string[], onStatement?: (s: Sql) => void) =>
  runQuery(store, {
    tenant: 'default',
    zone: 'Europe/Lisbon',
    where: { vendor: ['brightpath'] },
    params: {},
    minN: 1,
    metrics,
    periods: parseWindows('2026-Q2', 'Europe/Lisbon', 'period'),
    by: [],
    ...(onStatement ? { onStatement } : {}),
  });
