import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchImport } from './import-bench.js';

/**
 * `npm run bench [-- --rows N]`: measures, never asserts. Each figure is printed beside
 * its floor, the same work done by one hand-written DuckDB statement.
 */
const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000000' } } });
const rows = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'covenant-bench-'));
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en')} rows/s`;

try {
  const f = await benchImport(dir, rows);
  console.log(`import ${rows.toLocaleString('en')} interactions (${f.fileMb.toFixed(0)} MB CSV)`);
  console.log(
    `  covenant import (all validation): ${f.importSeconds.toFixed(2)} s, ${rate(rows, f.importSeconds)}`,
  );
  console.log(
    `  floor read_csv -> plain table:    ${f.floorSeconds.toFixed(2)} s, ${rate(rows, f.floorSeconds)}`,
  );
  console.log(`  ratio: ${((100 * f.floorSeconds) / f.importSeconds).toFixed(0)}% of the floor's rate`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
