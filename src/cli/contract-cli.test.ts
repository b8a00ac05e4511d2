import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../core/sql/fragment.js';
import { loadDemo } from '../demo/load-demo.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { tempDir } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

/** The CLI against the demo's stored contracts: settlement periods, contract parameters, empty-result hints. */
const db = join(tempDir(), 'demo.duckdb');
const COASTLINE = 'northwind-coastline-2026';
const BRIGHTPATH = 'northwind-brightpath-2026';

const settlementsStored = async () => {
  const store = await DuckDbStore.open(db);
  try {
    const [row] = await store.query<{ n: number }>(raw('SELECT count(*) AS n FROM settlements'));
    return Number(row?.n);
  } finally {
    await store.close();
  }
};

beforeAll(async () => {
  const store = await DuckDbStore.open(db);
  await loadDemo(store, { scale: 0.02, seed: 1, tenant: 'default', decisions: false });
  await store.close();
});
afterAll(() => undefined);

describe('covenant settle refuses what is outside the contract', () => {
  it('exits 2 for a period outside every version’s term, and stores nothing', async () => {
    const out = runCli(['settle', COASTLINE, '--period', '2027-Q1', '--db', db]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /2027-Q1 is outside the term of northwind-coastline-2026 version 1 \(2026-01-01 to 2026-12-31\)/,
    );
    expect(await settlementsStored()).toBe(0);
  });

  it('exits 2 for a period that is not one of the contract’s settlement periods', async () => {
    const out = runCli(['settle', COASTLINE, '--period', '2026-03', '--db', db]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /2026-03 is not a settlement period of northwind-coastline-2026: it settles quarterly/,
    );
    expect(runCli(['settle', COASTLINE, '--period', '2026-01-01..2026-03-31', '--db', db]).code).toBe(2);
    expect(await settlementsStored()).toBe(0);
  });

  it('settles and stores a settlement period of the term', async () => {
    const out = runCli(['settle', COASTLINE, '--period', '2026-Q1', '--format', 'json', '--db', db]);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).period).toBe('2026-Q1');
    expect(await settlementsStored()).toBe(1);
  });
});

describe('covenant query with and without a contract', () => {
  const coaching = (...extra: string[]) =>
    runCli([
      'query',
      'coaching_coverage',
      '--period',
      '2026-Q2',
      '--where',
      'vendor=brightpath',
      '--format',
      'json',
      '--db',
      db,
      ...extra,
    ]);

  it("uses the contract's parameters and zone with --contract, the catalog's defaults without", () => {
    const withContract = JSON.parse(coaching('--contract', BRIGHTPATH).stdout)[0];
    expect(withContract.params).toEqual({ mode: 'video', cadence: '14d' });
    expect(withContract.zone).toBe('Europe/Lisbon');
    const plain = JSON.parse(coaching().stdout)[0];
    expect(plain.params).toEqual({ mode: 'any', cadence: '14d' });
    expect(plain.zone).toBe('UTC');
    // Video only counts fewer sessions than any mode: the two answers are different questions.
    expect(withContract.value).toBeLessThan(plain.value);
  });

  it('measures in a zone asked for explicitly, and says so; a bad zone names the flag', () => {
    const other = JSON.parse(coaching('--contract', BRIGHTPATH, '--timezone', 'Asia/Manila').stdout)[0];
    expect(other.zone).toBe('Asia/Manila');
    expect(other.params).toEqual({ mode: 'video', cadence: '14d' });
    const out = coaching('--contract', BRIGHTPATH, '--timezone', 'Mars/Olympus');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--timezone Mars\/Olympus: not an IANA time zone/);
  });

  it('says when a filter value has no data, with the closest known value', () => {
    const out = runCli([
      'query',
      'contacts',
      '--period',
      '2026-Q1',
      '--where',
      'vendor=brightpth',
      '--db',
      db,
    ]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain("warning: vendor 'brightpth' has no data; did you mean brightpath?");
    const empty = runCli(['query', 'contacts', '--period', '2030-Q1', '--db', db]);
    expect(empty.stderr).toMatch(
      /warning: no contacts in 2030-Q1 in the store \(it has contacts from 2025-\d\d-\d\d to 2026-\d\d-\d\d\)/,
    );
    const found = runCli([
      'query',
      'contacts',
      '--period',
      '2026-Q1',
      '--where',
      'vendor=brightpath',
      '--db',
      db,
    ]);
    expect(found.stderr).toBe('');
  });
});
