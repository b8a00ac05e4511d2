import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from '../src/core/sql/fragment.js';
import { importFile } from '../src/ingest/import-file.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { writeSyntheticInteractions } from './synthetic.js';

export interface ImportFigures {
  rows: number;
  fileMb: number;
  floorSeconds: number;
  importSeconds: number;
}

const fresh = async (path: string) => {
  rmSync(path, { force: true });
  rmSync(`${path}.wal`, { force: true });
  return DuckDbStore.open(path);
};

const seconds = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};

/** Our import (all validation on) beside the floor: DuckDB's read_csv into a plain table. */
export async function benchImport(dir: string, rows: number): Promise<ImportFigures> {
  const file = join(dir, 'interactions.csv');
  const scratch = await fresh(join(dir, 'scratch.duckdb'));
  await writeSyntheticInteractions(scratch, rows, file);
  const [size] = await scratch.query<{ mb: number }>(sql`SELECT size / 1e6 AS mb FROM read_blob(${file})`);
  await scratch.close();

  const floorDb = await fresh(join(dir, 'floor.duckdb'));
  const floorSeconds = await seconds(() =>
    floorDb.run(sql`CREATE TABLE plain AS SELECT * FROM read_csv(${file})`),
  );
  await floorDb.close();

  const store = await fresh(join(dir, 'import.duckdb'));
  let accepted = 0;
  const importSeconds = await seconds(async () => {
    accepted = (await importFile(store, 'interactions', file, { tenant: 'default' })).accepted;
  });
  await store.close();
  if (accepted !== rows) throw new Error(`the import accepted ${accepted} of ${rows} rows`);
  return { rows, fileMb: size?.mb ?? 0, floorSeconds, importSeconds };
}
