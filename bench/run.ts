import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { benchCitusOperations } from './citus-operations.js';
import { benchDashboard } from './dashboard-bench.js';
import { benchEvidence } from './evidence-bench.js';
import { benchImport } from './import-bench.js';
import { benchMetrics, loadSynthetic } from './metric-bench.js';
import { benchDashboardBeside } from './postgres-dashboard.js';
import { benchPostgres } from './postgres-metrics.js';
import { benchScaleOut } from './scale-out.js';

/**
 * `npm run bench [-- --rows N --only import,metrics]`: measures, never asserts. Each figure
 * is printed beside its floor, the same work done by hand-written DuckDB statements.
 * `postgres` and `citus` (`--pg-rows N`) load the same file into DuckDB, a local PostgreSQL
 * server and a local 3-node Citus cluster (bench/scale-out.ts); `postgres-dashboard`
 * (`--pg-demo-scale S`) runs the dashboard benchmark on PostgreSQL beside DuckDB; `cold`
 * (`--cold-db FILE`, `--cold-scale S`) the three cold loads of issue 15 (bench/evidence-bench.ts);
 * `citus-operations` (`--ops-demo-scale S`, not run by default) adherence, conformance and
 * occupancy on a 3-node Citus cluster beside DuckDB (bench/citus-operations.ts);
 * `postgres-metrics` (`--pg-rows N`, not run by default) each metric benchmark on PostgreSQL
 * beside DuckDB, each beside its floor (bench/postgres-metrics.ts).
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    // PostgreSQL and Citus load through COPY into keyed tables: minutes at 10M.
    'pg-rows': { type: 'string', default: '10000000' },
    'pg-demo-scale': { type: 'string', default: '2' },
    only: {
      type: 'string',
      default: 'import,metrics,dashboard,postgres,citus,postgres-dashboard,cold-pages',
    },
    // The cold pages reuse this DuckDB file when it exists (else load the demo at --cold-scale into it).
    'cold-db': { type: 'string' },
    'cold-scale': { type: 'string', default: '1' },
    'demo-scale': { type: 'string', default: '10' },
    'ops-demo-scale': { type: 'string', default: '0.01' },
  },
});
const only = new Set(values.only.split(','));
const rows = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'covenant-bench-'));
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;
const print = (line: string) => process.stdout.write(`${line}\n`);

try {
  if (only.has('import')) {
    const f = await benchImport(dir, rows);
    print(`import ${rows.toLocaleString('en')} interactions (${f.fileMb.toFixed(0)} MB CSV)`);
    print(
      `  covenant import (all validation): ${f.importSeconds.toFixed(2)} s, ${rate(rows, f.importSeconds)}`,
    );
    print(
      `  floor read_csv -> plain table:    ${f.floorSeconds.toFixed(2)} s, ${rate(rows, f.floorSeconds)}`,
    );
    print(`  ratio: ${((100 * f.floorSeconds) / f.importSeconds).toFixed(0)}% of the floor's rate`);
  }
  if (only.has('metrics')) {
    const store = await DuckDbStore.open(join(dir, 'metrics.duckdb'));
    await loadSynthetic(store, dir, rows);
    print(`metrics on ${rows.toLocaleString('en')} interactions (DuckDB)`);
    for (const f of await benchMetrics(store)) {
      const ratio = (f.seconds / f.floorSeconds).toFixed(2);
      print(
        `  ${f.name}: ${f.seconds.toFixed(3)} s; floor ${f.floorSeconds.toFixed(3)} s; ${ratio}x the floor`,
      );
    }
    await store.close();
  }
  if (only.has('dashboard')) {
    const scale = Number(values['demo-scale']);
    const f = await benchDashboard(join(dir, 'dashboard.duckdb'), scale);
    print(`dashboard API on the demo at scale ${scale} (DuckDB), 50 concurrent clients, 10 s`);
    print(
      `  ${f.requests} requests, ${f.rps.toFixed(0)} req/s; latency p50 ${f.p50} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99} ms; errors ${f.errors}`,
    );
    print(`  first (uncached) load of the four pages, in parallel: ${f.firstLoadMs.toFixed(0)} ms`);
  }
  const scaleOut = (['postgres', 'citus'] as const).filter((e) => only.has(e));
  if (scaleOut.length > 0) {
    const pgRows = Number(values['pg-rows']);
    print(
      `scale-out: ${pgRows.toLocaleString('en')} interactions, the same file into DuckDB and ${scaleOut.join(', ')}`,
    );
    print('  (catalog: the 18 contact metrics, one vendor, one quarter, best of 3 after a warm-up;');
    print('   floor: one hand-written statement computing the 13 additive metrics in one scan)');
    await benchScaleOut(dir, pgRows, [...scaleOut], (f) =>
      print(
        `  ${f.engine}: import ${f.importSeconds.toFixed(2)} s (${rate(pgRows, f.importSeconds)})${f.analyzeSeconds ? `, VACUUM ANALYZE ${f.analyzeSeconds.toFixed(2)} s` : ''}; catalog ${f.catalogSeconds.toFixed(3)} s; floor ${f.floorSeconds.toFixed(3)} s (${(f.catalogSeconds / f.floorSeconds).toFixed(2)}x)`,
      ),
    );
  }
  if (only.has('citus-operations')) {
    const scale = Number(values['ops-demo-scale']);
    print(
      `operations metrics, demo scale ${scale}, 2026-Q2 by vendor (first run after the import; best of 3)`,
    );
    for (const f of await benchCitusOperations(scale))
      print(`  ${f.engine} ${f.metric}: ${f.firstSeconds.toFixed(3)} s; ${f.bestSeconds.toFixed(3)} s`);
  }
  if (only.has('postgres-metrics')) {
    const rows = Number(values['pg-rows']);
    const f = await benchPostgres(dir, rows);
    print(`metrics at ${rows} rows: PostgreSQL ${f.version} beside DuckDB, each beside its floor`);
    print(
      `  import: DuckDB ${f.duckdbImportSeconds.toFixed(2)} s, PostgreSQL ${f.postgresImportSeconds.toFixed(2)} s`,
    );
    for (const m of f.figures)
      print(
        `  ${m.name}: DuckDB ${m.duckdb.toFixed(3)} s (floor ${m.duckdbFloor.toFixed(3)} s), PostgreSQL ${m.postgres.toFixed(3)} s (floor ${m.postgresFloor.toFixed(3)} s)`,
      );
  }
  if (only.has('postgres-dashboard')) {
    const scale = Number(values['pg-demo-scale']);
    const f = await benchDashboardBeside(dir, scale);
    print(
      `dashboard API on the demo at scale ${scale}: PostgreSQL beside DuckDB (${f.version}), 50 clients, 10 s`,
    );
    for (const [name, d] of [
      ['DuckDB', f.duckdb],
      ['PostgreSQL', f.postgres],
    ] as const) {
      print(
        `  ${name}: ${d.requests} requests, ${d.rps.toFixed(0)} req/s; p50 ${d.p50} ms, p95 ${d.p95.toFixed(1)} ms, p99 ${d.p99} ms; errors ${d.errors}; first load ${d.firstLoadMs.toFixed(0)} ms`,
      );
    }
  }
  if (only.has('cold-pages') || only.has('cold')) {
    const scale = Number(values['cold-scale']);
    print(
      `cold loads on the demo at scale ${scale} (DuckDB; each in a fresh process: no parsed contract, no result kept in memory; best of 3)`,
    );
    const figures = await benchEvidence(values['cold-db'] ?? join(dir, 'cold.duckdb'), scale, 3, (s, cpu) =>
      print(
        `  warm after import (every contract's pages measured and stored): ${s.toFixed(2)} s, cpu ${cpu.toFixed(2)} s`,
      ),
    );
    for (const f of figures) {
      print(
        `  ${f.name}: warmed ${f.seconds.toFixed(2)} s, cpu ${f.cpuSeconds.toFixed(2)} s (load ${f.load.toFixed(1)}); unwarmed ${f.unwarmedSeconds.toFixed(2)} s, cpu ${f.unwarmedCpuSeconds.toFixed(2)} s (load ${f.unwarmedLoad.toFixed(1)}); floor ${f.floorSeconds.toFixed(2)} s, cpu ${f.floorCpuSeconds.toFixed(2)} s (load ${f.floorLoad.toFixed(1)}); ${(f.seconds / f.floorSeconds).toFixed(1)}x the floor`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
