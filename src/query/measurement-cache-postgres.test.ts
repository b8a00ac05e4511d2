import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion } from '../contracts/contract-store.js';
import { contractOverview } from '../contracts/overview.js';
import { computeSettlement } from '../contracts/settle-contract.js';
import { warmMeasurements } from '../contracts/warm-measurements.js';
import { raw } from '../core/sql/fragment.js';
import { parseWindow } from '../core/time/period-window.js';
import { loadDemo } from '../demo/load-demo.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { grantApplicationRole } from '../store/postgres/roles.js';
import { APP_ROLE, openTestStore } from '../store/postgres/test-support/test-server.js';
import type { Store } from '../store/store.js';
import { expectSame } from '../test-support/expect-same.js';
import { setMeasurementCache } from './measurement-cache.js';

/**
 * The persisted measurements on PostgreSQL, as the application's role under row-level
 * security: the pages served from them equal a fresh computation, a client's session
 * writes and reads them, and a vendor's session sees none of them and stores none.
 */
const TENANT = 'default';
const BRIGHTPATH = 'northwind-brightpath-2026';
const AS_OF = '2027-01-02T00:00:00Z';
let owner: PostgresStore;
let appStore: PostgresStore;
let dropAll: () => Promise<void>;
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

beforeAll(async () => {
  const opened = await openTestStore();
  owner = opened.store;
  await loadDemo(owner, { scale: 0.01, seed: 3, tenant: TENANT, decisions: false });
  await grantApplicationRole(owner, APP_ROLE);
  appStore = await PostgresStore.open(opened.db.appUrl, { migrate: false, maxConnections: 4 });
  dropAll = async () => {
    await appStore?.close();
    await opened.drop();
  };
}, 240_000);
afterAll(async () => {
  setMeasurementCache(true);
  await dropAll?.();
});

// The overview and the settlement (the scorecard's equality is asserted on DuckDB, measurement-cache.test.ts:
// the same code reads and writes the entries; here the store's sessions and policies are what is tested).
const pages = (s: Store) =>
  (async () => {
    const q3 = parseWindow('2026-Q3', 'Europe/Lisbon', 'period');
    const version = await getVersion(s, TENANT, BRIGHTPATH);
    return plain({
      overview: await contractOverview(s, TENANT, version, q3, AS_OF),
      settlement: await computeSettlement(s, TENANT, BRIGHTPATH, q3, AS_OF, { mechanics: true }),
    });
  })();
const client = <T>(fn: (s: Store) => Promise<T>) => appStore.withSession({ tenant: TENANT }, fn);
const vendor = <T>(fn: (s: Store) => Promise<T>) =>
  appStore.withSession({ tenant: TENANT, vendor: 'brightpath' }, fn);
const count = (s: Store) =>
  s.query<{ n: number }>(raw('SELECT count(*) AS n FROM measurement_cache')).then((r) => Number(r[0]?.n));

describe('persisted measurements on PostgreSQL', () => {
  it('serve the pages as computed, to the client’s sessions only', async () => {
    setMeasurementCache(false);
    const computed = await client(pages);
    const vendorComputed = await vendor((s) => pages(s));
    setMeasurementCache(true);
    const warmed = await warmMeasurements(appStore, TENANT, { asOf: AS_OF });
    expect(warmed.failed).toBe(0);
    expect(await client(count)).toBeGreaterThan(20);
    expectSame(await client(pages), computed);
    // A vendor's session: no row visible, none stored, and its pages as computed without the cache.
    expect(await vendor(count)).toBe(0);
    expectSame(await vendor((s) => pages(s)), vendorComputed);
    const before = await client(count);
    await client((s) => s.run(raw('DELETE FROM measurement_cache')));
    await vendor((s) => pages(s));
    expect(await client(count)).toBe(0);
    await client((s) => pages(s));
    expect(await client(count)).toBeGreaterThan(0);
    expect(before).toBeGreaterThan(0);
  }, 240_000);
});
