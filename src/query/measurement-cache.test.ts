import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVersion } from '../contracts/contract-store.js';
import { contractOverview } from '../contracts/overview.js';
import { computeSettlement } from '../contracts/settle-contract.js';
import { warmMeasurements } from '../contracts/warm-measurements.js';
import { raw, sql } from '../core/sql/fragment.js';
import { parseWindow } from '../core/time/period-window.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { importFile } from '../ingest/import-file.js';
import { buildScorecard } from '../renewal/scorecard.js';
import type { OverviewT } from '../server/api/schemas.js';
import { createApp } from '../server/app.js';
import { serverDeps } from '../server/deps.js';
import { silentLogger } from '../server/logger.js';
import { TestClient } from '../server/test-client.js';
import type { Store } from '../store/store.js';
import { expectSame } from '../test-support/expect-same.js';
import {
  INTERACTION_HEADER,
  interaction,
  memoryStore,
  tempDir,
  writeText,
} from '../test-support/fixtures.js';
import { setMeasurementCache } from './measurement-cache.js';
import { dataVersion } from './measurement-cache-sql.js';

/**
 * Persisted measurements (measurement-cache.ts): a scorecard, overview and settlement
 * served from them equal a fresh computation; an import's rows are in the next answer; a
 * vendor's session never reads an entry (computed with the client's view), and a write
 * that fails leaves the answer as computed.
 */
const TENANT = 'default';
const BRIGHTPATH = 'northwind-brightpath-2026';
const COASTLINE = 'northwind-coastline-2026';
const AS_OF = '2027-01-02T00:00:00Z';
const dir = tempDir();
let store: Store;
const q3 = () => parseWindow('2026-Q3', 'Europe/Lisbon', 'period');
/** As the API would send it: Decimal money as text, no undefined. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

const pages = async (s: Store = store) => {
  const version = await getVersion(s, TENANT, BRIGHTPATH);
  return plain({
    scorecard: await buildScorecard(s, TENANT, BRIGHTPATH, { asOf: '2027-01-01' }),
    overview: await contractOverview(s, TENANT, version, q3(), AS_OF),
    settlement: await computeSettlement(s, TENANT, BRIGHTPATH, q3(), AS_OF, { mechanics: true }),
  });
};
const fresh = async () => {
  setMeasurementCache(false);
  try {
    return await pages();
  } finally {
    setMeasurementCache(true);
  }
};
const entries = async () =>
  Number((await store.query<{ n: number }>(raw('SELECT count(*) AS n FROM measurement_cache')))[0]?.n);

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.02, seed: 3, tenant: TENANT, decisions: false });
  await createDemoUsers(store, TENANT);
}, 120_000);
afterAll(() => setMeasurementCache(true));

describe('persisted measurements', () => {
  it('serve the scorecard, overview and settlement exactly as a fresh computation gives them', async () => {
    const computed = await fresh();
    expect(await entries()).toBe(0);
    const warmed = await warmMeasurements(store, TENANT, { asOf: AS_OF });
    expect(warmed.failed).toBe(0);
    expect(warmed.pages).toBeGreaterThan(4);
    expect(await entries()).toBeGreaterThan(20);
    // The warm measured what the pages ask: loading them stores nothing new.
    const before = await entries();
    const served = await pages();
    expect(await entries()).toBe(before);
    expectSame(served, computed);
    // Read-through on an unwarmed store: computed, stored, and the same again.
    await store.run(raw('DELETE FROM measurement_cache'));
    expectSame(await pages(), computed);
    expect(await entries()).toBeGreaterThan(20);
    expectSame(await pages(), computed);
  }, 120_000);

  it('are read, not recomputed: a changed entry shows (for the client) in the next page', async () => {
    await warmMeasurements(store, TENANT, { asOf: AS_OF });
    await tamper(0.123456);
    const overview = (await pages()).overview as { outcomes: { result: { value: number } }[] };
    expect(overview.outcomes.every((o) => o.result.value === 0.123456)).toBe(true);
    await store.run(raw('DELETE FROM measurement_cache'));
  }, 120_000);

  it('never serve a vendor’s session: its overview is the one computed without them', async () => {
    const path = `/api/contracts/${COASTLINE}/overview?period=2026-Q3`;
    // Before: no persisted measurement used at all.
    setMeasurementCache(false);
    const vendorBefore = await overviewAs('ops@coastline.example', 'demo-coastline-2026', path);
    const clientBefore = await overviewAs('coo@northwind.example', 'demo-coo-2026', path);
    setMeasurementCache(true);
    expect(vendorBefore.outcomes.length).toBeGreaterThan(0);
    // Entries for the client's scope, then changed: the client reads them, the vendor never.
    await warmMeasurements(store, TENANT, { asOf: new Date().toISOString() });
    await overviewAs('coo@northwind.example', 'demo-coo-2026', path);
    await tamper(0.654321);
    const client = await overviewAs('coo@northwind.example', 'demo-coo-2026', path);
    expect(client.outcomes.every((o) => o.result.value === 0.654321)).toBe(true);
    const vendor = await overviewAs('ops@coastline.example', 'demo-coastline-2026', path);
    expectSame(vendor, vendorBefore);
    expectSame(
      vendor.outcomes.map((o) => o.result.value),
      clientBefore.outcomes.map((o) => o.result.value),
    );
    // Nor does a vendor's session store any.
    await store.run(raw('DELETE FROM measurement_cache'));
    await overviewAs('ops@coastline.example', 'demo-coastline-2026', path);
    expect(await entries()).toBe(0);
  }, 120_000);

  it('are not used after an import: the new rows are in the numbers, old entries go with the next warm', async () => {
    await warmMeasurements(store, TENANT, { asOf: AS_OF });
    const { batch: before } = await dataVersion(store, TENANT);
    const old = (await pages()).overview as OverviewT;
    const csv = [
      INTERACTION_HEADER,
      ...Array.from({ length: 40 }, (_, i) =>
        interaction(`cache-test-${i}`, {
          started_at: `2026-08-${String(10 + (i % 10)).padStart(2, '0')}T10:00:00Z`,
          customer_id: '',
          csat: '1',
          resolved: 'false',
        }),
      ),
    ].join('\n');
    const file = writeText(dir, 'more.csv', `${csv}\n`);
    await importFile(store, 'interactions', file, { tenant: TENANT });
    const { batch: after } = await dataVersion(store, TENANT);
    expect(after).toBeGreaterThan(before);
    const computed = await fresh();
    const served = await pages();
    expectSame(served, computed);
    const csat = (o: OverviewT) => o.outcomes.find((x) => x.metric === 'csat');
    expect(csat(served.overview as OverviewT)?.result.n).toBe((csat(old)?.result.n ?? 0) + 40);
    // The same file again writes nothing: the data version, and so the entries, stay.
    await importFile(store, 'interactions', file, { tenant: TENANT });
    expect((await dataVersion(store, TENANT)).batch).toBe(after);
    // Warming the new version deletes the old one's entries.
    const stale = sql`SELECT count(*) AS n FROM measurement_cache WHERE data_version < ${after}`;
    expect(Number((await store.query<{ n: number }>(stale))[0]?.n)).toBeGreaterThan(0);
    await warmMeasurements(store, TENANT, { asOf: AS_OF });
    expect(Number((await store.query<{ n: number }>(stale))[0]?.n)).toBe(0);
  }, 120_000);

  it('answer as computed when the cache cannot be written or read', async () => {
    const computed = await fresh();
    await store.run(raw('DELETE FROM measurement_cache'));
    const refusing = new Proxy(store, {
      get: (target, name) =>
        name === 'transaction'
          ? () => Promise.reject(new Error('cannot execute INSERT in a read-only transaction'))
          : (Reflect.get(target, name).bind?.(target) ?? Reflect.get(target, name)),
    }) as Store;
    expectSame(await pages(refusing), computed);
    expect(await entries()).toBe(0);
    await store.run(raw('ALTER TABLE measurement_cache RENAME TO measurement_cache_away'));
    try {
      expectSame(await pages(), computed);
    } finally {
      await store.run(raw('ALTER TABLE measurement_cache_away RENAME TO measurement_cache'));
    }
  }, 120_000);
});

/** Every stored value replaced by `value`, as if the entries were not the data's. */
async function tamper(value: number): Promise<void> {
  const rows = await store.query<{ cache_key: string; result: string }>(
    raw('SELECT cache_key, result FROM measurement_cache'),
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const changed = (JSON.parse(row.result) as Record<string, unknown>[]).map((m) => ({ ...m, value }));
    await store.run(
      sql`UPDATE measurement_cache SET result = ${JSON.stringify(changed)} WHERE cache_key = ${row.cache_key}`,
    );
  }
}

/** A contract's overview through the API, as the user, from a server just started (no result kept in memory). */
async function overviewAs(email: string, password: string, path: string): Promise<OverviewT> {
  const client = new TestClient(createApp(serverDeps(store, { log: silentLogger })));
  expect((await client.login(email, password)).status).toBe(200);
  const answer = await client.json<OverviewT>('GET', path);
  expect(answer.status).toBe(200);
  return answer.body;
}
