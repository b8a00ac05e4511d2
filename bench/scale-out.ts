import { join } from 'node:path';
import { CONTACT_METRICS } from '../src/core/metric/catalog/contact-info.js';
import { raw } from '../src/core/sql/fragment.js';
import { importFile } from '../src/ingest/import-file.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { startLocalServer, stopLocalServer } from '../src/store/postgres/local-server.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import type { Store } from '../src/store/store.js';
import { withBenchCluster } from './bench-cluster.js';
import { BENCH_SETTINGS, createBenchDatabase } from './postgres-metrics.js';
import { scaleOutCatalog } from './scale-out-catalog.js';
import { writeSyntheticCustomers, writeSyntheticInteractions } from './synthetic.js';

/**
 * `--only postgres,citus`: the same synthetic file loaded through the real importer into
 * DuckDB, a single PostgreSQL server and a 3-node Citus cluster on this machine (a
 * coordinator and two workers on loopback, each with the benchmark's settings), each in a
 * database owned by a role that is not a superuser (row-level security in force). For
 * each: the import, then the 18-metric contact catalog for one vendor-quarter, beside the
 * floor: one hand-written statement computing the 13 additive metrics in one scan.
 */
export interface EngineFigures {
  engine: string;
  importSeconds: number;
  analyzeSeconds: number;
  catalogSeconds: number;
  floorSeconds: number;
}

const Q2 = { start: '2026-03-31T23:00:00Z', end: '2026-06-30T23:00:00Z' };

/** The 13 additive metrics of the catalog, one scan, as an expert would write it (DuckDB and PostgreSQL alike). */
export const ONE_SCAN_FLOOR = `SELECT
  count(*) AS contacts,
  count(*) FILTER (WHERE NOT abandoned AND csat >= 4) AS csat_good,
  count(*) FILTER (WHERE NOT abandoned AND csat IS NOT NULL) AS surveyed,
  sum(csat) FILTER (WHERE NOT abandoned) AS csat_sum,
  sum(csat * csat) FILTER (WHERE NOT abandoned) AS csat_squares,
  count(*) FILTER (WHERE NOT abandoned AND resolved) AS resolved,
  count(*) FILTER (WHERE NOT abandoned AND error) AS errors,
  count(*) FILTER (WHERE NOT abandoned) AS handled,
  sum(handle_seconds) FILTER (WHERE NOT abandoned AND path IN ('human', 'bot_to_human')) AS aht_sum,
  sum(handle_seconds * handle_seconds) FILTER (WHERE NOT abandoned AND path IN ('human', 'bot_to_human')) AS aht_squares,
  count(handle_seconds) FILTER (WHERE NOT abandoned AND path IN ('human', 'bot_to_human')) AS aht_n,
  sum(queue_seconds) FILTER (WHERE offered AND NOT abandoned) AS asa_sum,
  count(queue_seconds) FILTER (WHERE offered AND NOT abandoned) AS asa_n,
  count(*) FILTER (WHERE offered AND NOT abandoned AND queue_seconds <= 20) AS answered_in_time,
  count(*) FILTER (WHERE offered AND abandoned AND NOT coalesce(queue_seconds <= 5, false)) AS long_abandons,
  count(*) FILTER (WHERE offered AND NOT (abandoned AND coalesce(queue_seconds <= 5, false))) AS offered_less_short,
  count(*) FILTER (WHERE path = 'bot' AND resolved) AS contained,
  count(*) FILTER (WHERE path = 'bot_to_human') AS escalated,
  count(*) FILTER (WHERE path IN ('bot', 'bot_to_human')) AS bot_entered,
  count(*) FILTER (WHERE path = 'bot' AND error) AS bot_errors,
  count(*) FILTER (WHERE path = 'bot') AS bot_only,
  count(*) FILTER (WHERE offer = 'accepted') AS offers_accepted,
  count(*) FILTER (WHERE offer IN ('accepted', 'declined')) AS offers,
  sum(revenue) AS revenue
FROM (SELECT *, channel IN ('voice', 'chat', 'messaging') AND path IN ('human', 'bot_to_human') AS offered
  FROM interactions WHERE tenant = 'default' AND vendor = 'brightpath'
    AND started_at >= CAST('${Q2.start}' AS TIMESTAMPTZ) AND started_at < CAST('${Q2.end}' AS TIMESTAMPTZ)) c`;

const seconds = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};

/** Best of three, after one warm-up run (caches warm, as a dashboard's second question finds them). */
const best = async (fn: () => Promise<unknown>) => {
  await fn();
  return Math.min(await seconds(fn), await seconds(fn), await seconds(fn));
};

async function measure(engine: string, store: Store, files: { interactions: string; customers: string }) {
  const importSeconds = await seconds(async () => {
    const summary = await importFile(store, 'interactions', files.interactions, { tenant: 'default' });
    if (summary.rejected > 0) throw new Error(`${summary.rejected} synthetic rows rejected`);
  });
  await importFile(store, 'customers', files.customers, { tenant: 'default' });
  const analyzeSeconds =
    store.dialect.name === 'postgres'
      ? await seconds(() => store.run(raw('VACUUM (ANALYZE) interactions, customers')))
      : 0;
  const metrics = CONTACT_METRICS.map((m) => m.id);
  const catalogSeconds = await best(() => scaleOutCatalog(store, metrics));
  const floorSeconds = await best(() => store.query(raw(ONE_SCAN_FLOOR)));
  return { engine, importSeconds, analyzeSeconds, catalogSeconds, floorSeconds };
}

export async function benchScaleOut(
  dir: string,
  rows: number,
  engines: ('postgres' | 'citus')[],
  report: (f: EngineFigures) => void,
): Promise<void> {
  const files = {
    interactions: join(dir, 'scale-interactions.csv'),
    customers: join(dir, 'scale-customers.csv'),
  };
  const scratch = await DuckDbStore.open(':memory:');
  await writeSyntheticInteractions(scratch, rows, files.interactions);
  await writeSyntheticCustomers(scratch, files.customers);
  await scratch.close();

  const duck = await DuckDbStore.open(join(dir, 'scale.duckdb'));
  report(await measure('DuckDB', duck, files));
  await duck.close();

  if (engines.includes('postgres')) {
    const server = await startLocalServer({ settings: BENCH_SETTINGS });
    try {
      const store = await PostgresStore.open(await createBenchDatabase(server, 'covenant_bench'));
      try {
        report(await measure(`PostgreSQL ${/\d+\.\d+/.exec(server.version)?.[0] ?? ''}`, store, files));
      } finally {
        await store.close();
      }
    } finally {
      stopLocalServer(server);
    }
  }
  if (engines.includes('citus')) {
    // Three servers on one machine share its memory: a third of the single server's buffers each.
    const settings = {
      ...BENCH_SETTINGS,
      shared_buffers: '1536MB',
      effective_cache_size: '6GB',
      'citus.shard_count': '32',
    };
    report(
      await withBenchCluster(settings, (store) =>
        measure('Citus 13.2 (coordinator + 2 workers)', store, files),
      ),
    );
  }
}
