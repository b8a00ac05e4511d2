import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { duckdbDialect } from '../src/core/sql/duckdb-dialect.js';
import { type Sql, sql } from '../src/core/sql/fragment.js';
import { importFile } from '../src/ingest/import-file.js';
import { DuckDbExecutor, DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { profileOperators } from './duckdb-operators.js';
import { writeSyntheticInteractions } from './synthetic.js';

/**
 * `npx tsx bench/import-profile.ts --rows N [--runs R] [--dir D] [--operators]`: the floor and
 * the import back to back (as bench/import-bench.ts), R times, each with wall and process CPU
 * seconds (CPU tells more on a loaded machine), then every statement of the import over 20 ms.
 * `--operators` also prints, for statements over 1 s, DuckDB's own profile of each operator
 * (CPU seconds summed over threads; profiling adds a little time). Measures, never asserts.
 * The CSV is kept in D between calls.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '2' },
    dir: { type: 'string' },
    operators: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'covenant-import-profile-'));
const file = join(dir, `interactions-${rows}.csv`);

const fresh = async (path: string) => {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  return DuckDbStore.open(path);
};

interface Timed {
  wall: number;
  cpu: number;
}
const timed = async (fn: () => Promise<unknown>): Promise<Timed> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
};

// Every statement the import runs goes through these two methods.
const statements: { text: string; time: Timed; profile?: string }[] = [];
for (const method of ['run', 'query'] as const) {
  const original = DuckDbExecutor.prototype[method] as (statement: Sql) => Promise<unknown>;
  Object.assign(DuckDbExecutor.prototype, {
    async [method](this: DuckDbExecutor, statement: Sql) {
      const profile = values.operators ? join(dir, `profile-${statements.length}.json`) : undefined;
      if (profile) {
        await this.connection.run("PRAGMA enable_profiling = 'json'");
        await this.connection.run(`SET profiling_output = '${profile}'`);
      }
      let result: unknown;
      const time = await timed(async () => {
        result = await original.call(this, statement);
      });
      statements.push({ text: duckdbDialect.render(statement).text.replace(/\s+/g, ' '), time, profile });
      return result;
    },
  });
}

if (!existsSync(file)) {
  const scratch = await fresh(join(dir, 'scratch.duckdb'));
  await writeSyntheticInteractions(scratch, rows, file);
  await scratch.close();
}
const share = (floor: number, ours: number) => `${((100 * floor) / ours).toFixed(0)}%`;
for (let run = 0; run < Number(values.runs); run++) {
  const floorDb = await fresh(join(dir, 'floor.duckdb'));
  const floor = await timed(() => floorDb.run(sql`CREATE TABLE plain AS SELECT * FROM read_csv(${file})`));
  await floorDb.close();
  const store = await fresh(join(dir, 'import.duckdb'));
  statements.length = 0;
  const ours = await timed(() => importFile(store, 'interactions', file, { tenant: 'default' }));
  const profiled = [...statements];
  await store.close();
  process.stdout.write(
    `${rows} rows: floor ${floor.wall.toFixed(2)} s (cpu ${floor.cpu.toFixed(1)}), import ${ours.wall.toFixed(2)} s ` +
      `(cpu ${ours.cpu.toFixed(1)}); share ${share(floor.wall, ours.wall)} (cpu ${share(floor.cpu, ours.cpu)})\n`,
  );
  for (const { text, time, profile } of profiled.filter((s) => s.time.wall > 0.02)) {
    process.stdout.write(`  ${time.wall.toFixed(2)} s cpu ${time.cpu.toFixed(2)}  ${text.slice(0, 110)}\n`);
    if (!profile || time.wall < 1 || !existsSync(profile)) continue;
    for (const op of profileOperators(profile).filter((o) => o.seconds >= 0.05)) {
      process.stdout.write(
        `      ${' '.repeat(op.depth)}${op.operator} ${op.seconds.toFixed(2)} cpu s, ${op.rows} rows\n`,
      );
    }
  }
}
