import { beforeAll, describe, expect, it } from 'vitest';
import type { Settlement } from '../core/settlement/types.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import type { InvoiceT } from './api/schemas.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

/** GET /api/contracts/{id}/settlement carries the mechanics: Coastline's defaults and its termination right. */
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: 'default', decisions: false });
  await createDemoUsers(store, 'default');
  app = createApp(serverDeps(store, { log: silentLogger }));
}, 120_000);

describe('the settlement route', () => {
  it("shows Coastline's 2026-Q3 defaults and the termination right they gave", async () => {
    const client = new TestClient(app);
    expect((await client.login('coo@northwind.example', 'demo-coo-2026')).status).toBe(200);
    const res = await client.json<InvoiceT>(
      'GET',
      '/api/contracts/northwind-coastline-2026/settlement?period=2026-Q3',
    );
    expect(res.status).toBe(200);
    const [part] = res.body.parts as unknown as Settlement[];
    const chronic = part?.mechanics?.chronicFailure;
    expect(chronic).toMatchObject({ misses: 3, within: 4, periods: ['2026-Q1', '2026-Q2', '2026-Q3'] });
    expect(chronic?.outcomes.find((o) => o.metric === 'fcr')?.terminationRight).toEqual({
      grantedIn: '2026-Q3',
      periods: ['2026-Q1', '2026-Q2', '2026-Q3'],
    });
    // BrightPath's 2026 terms have no mechanics: nothing is added.
    const plain = await client.json<InvoiceT>(
      'GET',
      '/api/contracts/northwind-brightpath-2026/settlement?period=2026-Q3',
    );
    expect((plain.body.parts as unknown as Settlement[])[0]?.mechanics).toBeUndefined();
  });
});
