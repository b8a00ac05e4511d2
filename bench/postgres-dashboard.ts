import { join } from 'node:path';
import { type LocalServer, startLocalServer, stopLocalServer } from '../src/store/postgres/local-server.js';
import { benchDashboard, type DashboardFigures } from './dashboard-bench.js';
import { BENCH_SETTINGS, createBenchDatabase } from './postgres-metrics.js';

export interface DashboardSideBySide {
  scale: number;
  version: string;
  source: LocalServer['source'];
  duckdb: DashboardFigures;
  postgres: DashboardFigures;
}

/**
 * The dashboard benchmark (bench/dashboard-bench.ts: the demo loaded through the
 * importer, the API under 50 concurrent clients) on a DuckDB file and on a PostgreSQL
 * database of a local server, at the same demo scale.
 */
export async function benchDashboardBeside(dir: string, scale: number): Promise<DashboardSideBySide> {
  const duckdb = await benchDashboard(join(dir, 'pg-beside-dashboard.duckdb'), scale);
  const server = await startLocalServer({ settings: BENCH_SETTINGS });
  try {
    const url = await createBenchDatabase(server, 'covenant_dashboard');
    const postgres = await benchDashboard(url, scale);
    return { scale, version: server.version, source: server.source, duckdb, postgres };
  } finally {
    stopLocalServer(server);
  }
}
