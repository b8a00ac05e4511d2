import { join } from 'node:path';
import pg from 'pg';
import { raw } from '../src/core/sql/fragment.js';
import { importFile } from '../src/ingest/import-file.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { type LocalServer, startLocalServer, stopLocalServer } from '../src/store/postgres/local-server.js';
import { PostgresStore } from '../src/store/postgres/postgres-store.js';
import type { Store } from '../src/store/store.js';
import { benchMetrics, type Figure } from './metric-bench.js';
import { postgresFloors } from './postgres-floors.js';
import { writeSyntheticCustomers, writeSyntheticInteractions } from './synthetic.js';

/**
 * The metric benchmark on PostgreSQL beside DuckDB, on the same synthetic file: a local
 * PostgreSQL server (local-server.ts) with settings for this machine, a database owned by
 * a role that is not a superuser (so row-level security is in force, as in production),
 * both stores loaded through the real importer (PostgreSQL's through COPY).
 */
export const BENCH_SETTINGS: Record<string, string> = {
  shared_buffers: '4GB',
  effective_cache_size: '16GB',
  work_mem: '128MB',
  maintenance_work_mem: '1GB',
  max_parallel_workers_per_gather: '2',
  random_page_cost: '1.1',
};

export interface SideBySide {
  name: string;
  duckdb: number;
  duckdbFloor: number;
  postgres: number;
  postgresFloor: number;
}

export interface PostgresFigures {
  rows: number;
  version: string;
  source: LocalServer['source'];
  duckdbImportSeconds: number;
  postgresImportSeconds: number;
  analyzeSeconds: number;
  figures: SideBySide[];
}

const seconds = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};

/** A database owned by a role that is not a superuser (row-level security in force, as in production). */
export async function createBenchDatabase(server: LocalServer, name: string): Promise<string> {
  const admin = new pg.Client({
    connectionString: `postgres://${server.superuser}@127.0.0.1:${server.port}/postgres`,
  });
  await admin.connect();
  try {
    await admin
      .query("CREATE ROLE covenant_owner LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'bench'")
      .catch((error: { code?: string }) => {
        if (error.code !== '42710') throw error;
      });
    await admin.query(
      `CREATE DATABASE ${name} OWNER covenant_owner TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    );
  } finally {
    await admin.end();
  }
  return `postgres://covenant_owner:bench@127.0.0.1:${server.port}/${name}`;
}

async function load(store: Store, interactions: string, customers: string): Promise<number> {
  const took = await seconds(async () => {
    const summary = await importFile(store, 'interactions', interactions, { tenant: 'default' });
    if (summary.rejected > 0) throw new Error(`${summary.rejected} synthetic rows rejected`);
  });
  await importFile(store, 'customers', customers, { tenant: 'default' });
  return took;
}

export async function benchPostgres(dir: string, rows: number): Promise<PostgresFigures> {
  const interactions = join(dir, 'pg-interactions.csv');
  const customers = join(dir, 'pg-customers.csv');
  const scratch = await DuckDbStore.open(':memory:');
  await writeSyntheticInteractions(scratch, rows, interactions);
  await writeSyntheticCustomers(scratch, customers);
  await scratch.close();

  const duck = await DuckDbStore.open(join(dir, 'pg-beside.duckdb'));
  const duckdbImportSeconds = await load(duck, interactions, customers);
  const duckFigures = await benchMetrics(duck);
  await duck.close();

  const server = await startLocalServer({ settings: BENCH_SETTINGS });
  try {
    const store = await PostgresStore.open(await createBenchDatabase(server, 'covenant_bench'));
    try {
      const postgresImportSeconds = await load(store, interactions, customers);
      // Statistics and the visibility map right after the bulk load (autovacuum would get there later).
      const analyzeSeconds = await seconds(() => store.run(raw('VACUUM (ANALYZE) interactions, customers')));
      const pgFigures = await benchMetrics(store, postgresFloors);
      return {
        rows,
        version: server.version,
        source: server.source,
        duckdbImportSeconds,
        postgresImportSeconds,
        analyzeSeconds,
        figures: duckFigures.map((d: Figure, i) => {
          const p = pgFigures[i] as Figure;
          return {
            name: d.name,
            duckdb: d.seconds,
            duckdbFloor: d.floorSeconds,
            postgres: p.seconds,
            postgresFloor: p.floorSeconds,
          };
        }),
      };
    } finally {
      await store.close();
    }
  } finally {
    stopLocalServer(server);
  }
}
