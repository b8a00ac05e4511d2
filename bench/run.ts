import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { benchImport } from './import-bench.js';
import { benchMetrics, loadSynthetic } from './metric-bench.js';

/**
 * `npm run bench [-- --rows N --only import,metrics]`: measures, never asserts. Each figure
 * is printed beside its floor, the same work done by hand-written DuckDB statements.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    only: { type: 'string', default: 'import,metrics' },
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
} finally {
  rmSync(dir, { recursive: true, force: true });
}
