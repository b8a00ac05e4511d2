import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadDemo } from '../src/demo/load-demo.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';

/**
 * The three pages a COO opens before a renewal talk, each cold, on the demo: the renewal
 * scorecard of northwind-brightpath-2026, its contract overview of 2026-Q3 and its
 * settlement of 2026-Q3. Cold means a process of its own (bench/cold-load.ts): a freshly
 * opened store, no parsed contract and no result kept from another load. Each beside its
 * floor, the same outcomes' values and base units by one hand-written DuckDB statement
 * per period (the term and its four quarters; the quarter). The machine's load average
 * is taken with every figure, since a shared machine's figures follow it. Each load is
 * taken twice: unwarmed (the persisted measurements deleted before it) and warmed (after
 * the warm an import runs, contracts/warm-measurements.ts): the first load after a server
 * starts, once an import has warmed the store.
 */
export interface ColdFigure {
  name: string;
  seconds: number;
  floorSeconds: number;
  /** CPU seconds of the load's process (JavaScript and DuckDB's threads), and of the floor's. */
  cpuSeconds: number;
  floorCpuSeconds: number;
  /** 1-minute load average just before the load and just before its floor. */
  load: number;
  floorLoad: number;
  /** The same load on an unwarmed store (no persisted measurement: it computes and stores them). */
  unwarmedSeconds: number;
  unwarmedCpuSeconds: number;
  unwarmedLoad: number;
}

const run = promisify(execFile);
const entry = fileURLToPath(new URL('./cold-load.ts', import.meta.url));

interface ChildFigure {
  seconds: number;
  cpuSeconds: number;
  values: unknown;
}

async function inChild(what: string, dbFile: string): Promise<ChildFigure> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', entry, what, dbFile], {
    maxBuffer: 1 << 24,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

/** The best of `runs` cold loads (each in a fresh process), with the load average before the best. */
async function best(
  what: string,
  dbFile: string,
  runs: number,
  before?: string,
): Promise<{ seconds: number; cpuSeconds: number; load: number }> {
  let out = { seconds: Number.POSITIVE_INFINITY, cpuSeconds: 0, load: 0 };
  for (let i = 0; i < runs; i++) {
    if (before) await inChild(before, dbFile);
    const load = loadavg()[0] ?? 0;
    const { seconds, cpuSeconds } = await inChild(what, dbFile);
    if (seconds < out.seconds) out = { seconds, cpuSeconds, load };
  }
  return out;
}

export async function benchEvidence(
  dbFile: string,
  scale: number,
  runs = 3,
  onWarm?: (seconds: number, cpuSeconds: number) => void,
): Promise<ColdFigure[]> {
  if (!existsSync(dbFile)) {
    const store = await DuckDbStore.open(dbFile);
    await loadDemo(store, { scale, seed: 1, tenant: 'default' });
    await store.close();
  }
  await checkFloor(dbFile);
  // Unwarmed first: each load after the persisted measurements are deleted.
  const unwarmed = new Map<string, { seconds: number; cpuSeconds: number; load: number }>();
  for (const what of ['scorecard', 'overview', 'settlement'])
    unwarmed.set(what, await best(what, dbFile, runs, 'clear'));
  // Then as after an import: warmed once (timed), each load a read.
  const warm = await inChild('warm', dbFile);
  onWarm?.(warm.seconds, warm.cpuSeconds);
  const figures: ColdFigure[] = [];
  for (const [name, what, floor] of [
    ['renewal scorecard (term so far and four quarters, every invoice)', 'scorecard', 'floor-term'],
    ['contract overview (2026-Q3)', 'overview', 'floor-q3'],
    ['settlement (2026-Q3)', 'settlement', 'floor-q3'],
  ] as const) {
    const measured = await best(what, dbFile, runs);
    const floored = await best(floor, dbFile, runs);
    figures.push({
      name,
      seconds: measured.seconds,
      floorSeconds: floored.seconds,
      cpuSeconds: measured.cpuSeconds,
      floorCpuSeconds: floored.cpuSeconds,
      load: measured.load,
      floorLoad: floored.load,
      unwarmedSeconds: unwarmed.get(what)?.seconds ?? Number.NaN,
      unwarmedCpuSeconds: unwarmed.get(what)?.cpuSeconds ?? Number.NaN,
      unwarmedLoad: unwarmed.get(what)?.load ?? Number.NaN,
    });
  }
  return figures;
}

/** The floor must answer the engine's numbers, or it is the floor of something else. */
async function checkFloor(dbFile: string): Promise<void> {
  const engine = (await inChild('engine-q3', dbFile)).values as Record<string, { value: number; n: number }>;
  const floor = (await inChild('floor-q3', dbFile)).values as Record<string, Record<string, number>>;
  const row = Object.values(floor)[0] ?? {};
  for (const [key, { value, n }] of Object.entries(engine)) {
    const name = key.replace(/[-/]/g, '_');
    const [k, m] = [Number(row[`${name}_k`]), Number(row[`${name}_n`])];
    if (m !== n || Math.abs(k / m - value) > 1e-12)
      throw new Error(`the floor's ${key} is ${k}/${m}, the engine's ${value} (n ${n}): fix the floor`);
  }
}
