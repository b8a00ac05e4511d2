import { join } from 'node:path';
import { CONTACT_METRICS } from '../src/core/metric/catalog/contact-info.js';
import { raw } from '../src/core/sql/fragment.js';
import { parseWindows } from '../src/core/time/period-window.js';
import { importFile } from '../src/ingest/import-file.js';
import { runQuery } from '../src/query/run-query.js';
import type { Store } from '../src/store/store.js';
import { contactFloors, seriesFloors } from './metric-floors.js';
import { writeSyntheticCustomers, writeSyntheticInteractions } from './synthetic.js';

export interface Figure {
  name: string;
  seconds: number;
  floorSeconds: number;
}

const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};

/** Loads N synthetic interactions (one year) and the customers through the real importer. */
export async function loadSynthetic(store: Store, dir: string, rows: number): Promise<void> {
  const interactions = join(dir, 'metric-interactions.csv');
  const customers = join(dir, 'metric-customers.csv');
  await writeSyntheticInteractions(store, rows, interactions);
  await writeSyntheticCustomers(store, customers);
  await importFile(store, 'interactions', interactions, { tenant: 'default' });
  await importFile(store, 'customers', customers, { tenant: 'default' });
}

const Q2 = { vendor: 'brightpath', start: '2026-03-31T23:00:00Z', end: '2026-06-30T23:00:00Z' };
const base = {
  tenant: 'default',
  zone: 'Europe/Lisbon',
  where: { vendor: ['brightpath'] },
  params: {},
  minN: 1,
};

async function floorSeconds(store: Store, queries: Record<string, string>): Promise<number> {
  let total = 0;
  for (const text of Object.values(queries)) total += await time(() => store.query(raw(text)));
  return total;
}

/** The hand-written floor queries: DuckDB's by default; another engine passes its own text (bench/postgres-floors.ts). */
export interface Floors {
  contactFloors: typeof contactFloors;
  seriesFloors: typeof seriesFloors;
}

/** (a) the contact-outcome catalog for one vendor and quarter, (b) by site x workflow, (c) a 90-day daily series. */
export async function benchMetrics(
  store: Store,
  floors: Floors = { contactFloors, seriesFloors },
): Promise<Figure[]> {
  const metrics = CONTACT_METRICS.map((m) => m.id);
  await runQuery(store, {
    ...base,
    metrics: ['contacts'],
    periods: parseWindows('2026-Q2', 'Europe/Lisbon', 'period'),
    by: [],
  }); // warm the cache
  const figures: Figure[] = [];
  figures.push({
    name: '(a) contact catalog, one vendor, one quarter',
    seconds: await time(() =>
      runQuery(store, {
        ...base,
        metrics,
        periods: parseWindows('2026-Q2', 'Europe/Lisbon', 'period'),
        by: [],
      }),
    ),
    floorSeconds: await floorSeconds(store, floors.contactFloors(Q2)),
  });
  figures.push({
    name: '(b) the same by site x workflow',
    seconds: await time(() =>
      runQuery(store, {
        ...base,
        metrics,
        periods: parseWindows('2026-Q2', 'Europe/Lisbon', 'period'),
        by: ['site', 'workflow'],
      }),
    ),
    floorSeconds: await floorSeconds(store, floors.contactFloors(Q2, 'site, workflow')),
  });
  figures.push({
    name: '(c) daily csat and aht, 90 days, Europe/Lisbon',
    seconds: await time(() =>
      runQuery(store, {
        ...base,
        metrics: ['csat', 'aht'],
        periods: parseWindows('2026-04-01..2026-06-29', 'Europe/Lisbon', 'period'),
        by: [],
        grain: 'day',
      }),
    ),
    floorSeconds: await floorSeconds(store, floors.seriesFloors({ ...Q2, end: '2026-06-29T23:00:00Z' })),
  });
  return figures;
}
