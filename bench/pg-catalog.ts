import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CONTACT_METRICS } from '../src/core/metric/catalog/contact-info.js';
import { raw, type Sql, sql } from '../src/core/sql/fragment.js';
import { importFile } from '../src/ingest/import-file.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { startLocalServer, stopLocalServer } from '../src/store/postgres/local-server.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import { BENCH_SETTINGS, createBenchDatabase } from './postgres-metrics.js';
import { scaleOutCatalog } from './scale-out-catalog.js';
import { writeSyntheticCustomers, writeSyntheticInteractions } from './synthetic.js';

/**
 * `tsx bench/pg-catalog.ts --rows N --dir DIR [--metrics a,b] [--explain]`: the scale-out
 * catalog (18 contact metrics, vendor brightpath, 2026-Q2, Europe/Lisbon) on PostgreSQL,
 * per metric and whole, on a server whose data stays in DIR between runs: the synthetic
 * file is written and imported on the first run only (minutes at 10M), later runs start
 * the server on that data and measure. `--explain` prints each statement's plan
 * (EXPLAIN ANALYZE, BUFFERS). Measures, never asserts.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    dir: { type: 'string' },
    metrics: { type: 'string' },
    explain: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    // A statement run (as the owner) before measuring, to try an index or a setting.
    setup: { type: 'string' },
  },
});
const rows = Number(values.rows);
const dir = values.dir ?? `/tmp/covenant-pgcat-${rows}`;
const print = (line: string) => process.stdout.write(`${line}\n`);
const seconds = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};

const files = { interactions: join(dir, 'interactions.csv'), customers: join(dir, 'customers.csv') };
if (!existsSync(files.customers)) {
  mkdirSync(dir, { recursive: true });
  const scratch = await DuckDbStore.open(':memory:');
  await writeSyntheticInteractions(scratch, rows, files.interactions);
  await writeSyntheticCustomers(scratch, files.customers);
  await scratch.close();
}

const server = await startLocalServer({ settings: BENCH_SETTINGS, dir: join(dir, 'pg') });
try {
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${server.port}/postgres` });
  await admin.connect();
  const { rows: found } = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'covenant_bench'");
  await admin.end();
  const url =
    found.length > 0
      ? `postgres://covenant_owner:bench@127.0.0.1:${server.port}/covenant_bench`
      : await createBenchDatabase(server, 'covenant_bench');
  const store = await PostgresStore.open(url);
  try {
    if (found.length === 0) {
      const took = await seconds(() =>
        importFile(store, 'interactions', files.interactions, { tenant: 'default' }),
      );
      await importFile(store, 'customers', files.customers, { tenant: 'default' });
      await store.run(raw('VACUUM (ANALYZE) interactions, customers'));
      print(`loaded ${rows.toLocaleString('en')} interactions in ${took.toFixed(1)} s`);
    }
    for (const statement of values.setup?.split(';').filter((s) => s.trim()) ?? []) {
      print(
        `setup ${statement.trim().slice(0, 60)}: ${(await seconds(() => store.run(raw(statement)))).toFixed(1)} s`,
      );
    }
    const all = CONTACT_METRICS.map((m) => m.id);
    const asked = values.metrics ? values.metrics.split(',') : all;
    const statements: Sql[] = [];
    const catalog = (metrics: string[], onStatement?: (s: Sql) => void) =>
      scaleOutCatalog(store, metrics, onStatement);
    const runs = Number(values.runs);
    const best = async (fn: () => Promise<unknown>) => {
      await fn();
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < runs; i += 1) min = Math.min(min, await seconds(fn));
      return min;
    };
    for (const metric of asked) {
      print(`  ${metric}: ${(await best(() => catalog([metric]))).toFixed(3)} s`);
    }
    if (!values.metrics)
      print(`catalog (${all.length} metrics): ${(await best(() => catalog(all))).toFixed(3)} s`);
    if (values.explain) {
      await catalog(asked, (s) => statements.push(s));
      for (const statement of statements) {
        print(`\n--- ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`);
        const plan = await store.query<Record<string, string>>(sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`);
        for (const line of plan) print(Object.values(line)[0] as string);
      }
    }
  } finally {
    await store.close();
  }
} finally {
  stopLocalServer(server, true);
}
