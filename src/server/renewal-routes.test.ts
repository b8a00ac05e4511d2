/**
 * The renewal scorecard over the API (docs/api.md): the same recommendations as the CLI for
 * the demo, a vendor kept to its own contract, the PDF from Chromium. (The RFP routes:
 * rfp-routes.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../core/renewal/types.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

const BRIGHTPATH = 'northwind-brightpath-2026';
const COASTLINE = 'northwind-coastline-2026';
/** The day after the term: the whole of 2026 is scored (docs/renewal.md, The demo). */
const AS_OF = '2027-01-01';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: 'northwind', decisions: false });
  await createDemoUsers(store, 'northwind');
  app = createApp(serverDeps(store, { log: silentLogger }));
}, 120_000);

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};
const coo = () => as('coo@northwind.example', 'demo-coo-2026');
const coastline = () => as('ops@coastline.example', 'demo-coastline-2026');

const renewal = (id: string, asOf = AS_OF) => `/api/contracts/${id}/renewal?asOf=${asOf}`;

describe('renewal scorecard', () => {
  it('recommends renew for BrightPath and re-tender (or changes) for Coastline, as the CLI does', async () => {
    const client = await coo();
    const bright = await client.json<Scorecard>('GET', renewal(BRIGHTPATH));
    expect(bright.status).toBe(200);
    expect(bright.body.kind).toBe('RenewalScorecard');
    expect(bright.body.recommendation.decision).toBe('renew');
    expect(bright.body.termSoFar.display).toContain('2026-01-01');
    expect(bright.body.outcomes).toHaveLength(6);
    expect(bright.body.recommendation.reasons.every((r) => r.facts.length > 0)).toBe(true);
    const coast = await client.json<Scorecard>('GET', renewal(COASTLINE));
    expect(coast.status).toBe(200);
    expect(['re_tender', 'renew_with_changes']).toContain(coast.body.recommendation.decision);
    expect(coast.body.recommendation.decision).toBe('re_tender');
  });

  it('keeps a vendor to its own contract: another vendor’s scorecard and PDF answer 404', async () => {
    const client = await coastline();
    expect((await client.send('GET', renewal(BRIGHTPATH))).status).toBe(404);
    expect((await client.send('GET', `/api/contracts/${BRIGHTPATH}/renewal.pdf?asOf=${AS_OF}`)).status).toBe(
      404,
    );
    const own = await client.json<Scorecard>('GET', renewal(COASTLINE));
    expect(own.status).toBe(200);
    expect(own.body.contract.vendor).toBe('coastline');
  });

  it('refuses an as-of date that is not a date, or before the term', async () => {
    const client = await coo();
    expect((await client.send('GET', renewal(BRIGHTPATH, '2027-1-1'))).status).toBe(400);
    expect((await client.send('GET', renewal(BRIGHTPATH, '2026-02-30'))).status).toBe(400);
    expect((await client.send('GET', renewal(BRIGHTPATH, '2025-06-01'))).status).toBe(400);
    expect((await client.send('GET', renewal('no-such-contract'))).status).toBe(404);
  });

  it('prints the scorecard to a PDF with Chromium, as an attachment', async () => {
    const client = await coo();
    const response = await client.send('GET', `/api/contracts/${BRIGHTPATH}/renewal.pdf?asOf=${AS_OF}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${BRIGHTPATH}-renewal-${AS_OF}.pdf"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bytes.length).toBeGreaterThan(10_000);
  });
});
