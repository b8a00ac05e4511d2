import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recalibrate } from '../contracts/recalibrate.js';
import { settleContract } from '../contracts/settle-contract.js';
import { raw, sql } from '../core/sql/fragment.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { CUSTOMERS } from '../query/test-data.js';
import { verifyAudit } from '../records/audit.js';
import type { Dispute } from '../records/disputes.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { grantApplicationRole } from '../store/postgres/roles.js';
import { APP_ROLE, createTestDatabase, openTestStore } from '../store/postgres/test-support/test-server.js';
import type { Store } from '../store/store.js';
import { runCli } from '../test-support/run-cli.js';
import { windowIn } from '../test-support/text-query.js';
import type { ProposalT } from './api/schemas.js';
import { createApp } from './app.js';
import { addUser } from './auth/users.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

/**
 * The server as documented on PostgreSQL: the application's role (not the tables' owner)
 * under row-level security. Every route works through the caller's session (finding 7),
 * and users, sessions and tokens are as guarded as the data (finding 8, by hand-written SQL).
 */
let owner: PostgresStore;
let appStore: PostgresStore;
let app: ReturnType<typeof createApp>;
let proposal: string;
const settlements: Record<string, string> = {};
let dropAll: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestStore();
  owner = opened.store;
  await loadDemo(owner, { scale: 0.01, seed: 3, tenant: 'default', decisions: false });
  await createDemoUsers(owner, 'default');
  await addUser(owner, 'southwind', {
    email: 'coo@southwind.example',
    name: 'Southwind COO',
    role: 'client_admin',
    organisation: 'southwind',
    password: 'southwind-2026',
  });
  const report = await recalibrate(owner, 'default', 'northwind-brightpath-2026', {
    period: '2026-Q3',
    asOf: '2026-09-30T19:00:00Z',
  });
  if (!report.proposal) throw new Error(`expected a proposal: ${report.outcome}`);
  proposal = report.proposal.id;
  for (const vendor of ['brightpath', 'coastline']) {
    const settled = await settleContract(
      owner,
      'default',
      `northwind-${vendor}-2026`,
      windowIn('2026-Q1'),
      FINAL,
    );
    settlements[vendor] = settled.settlementId;
  }
  await grantApplicationRole(owner, APP_ROLE);
  appStore = await PostgresStore.open(opened.db.appUrl, { migrate: false, maxConnections: 4 });
  app = createApp(serverDeps(appStore, { log: silentLogger }));
  dropAll = async () => {
    await appStore?.close();
    await opened.drop();
  };
}, 240_000);
afterAll(() => dropAll?.());

const FINAL = '2027-06-01T00:00:00Z';

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};

describe('7. every route in the caller’s session, as the application role', () => {
  it('shows, approves and scores a proposal and a renewal, and imports', async () => {
    const coo = await as('coo@northwind.example', 'demo-coo-2026');
    const shown = await coo.json<ProposalT>('GET', `/api/proposals/${proposal}`);
    expect(shown.status).toBe(200);
    expect(shown.body.contract).toBe('northwind-brightpath-2026');
    const vendor = await as('ops@brightpath.example', 'demo-brightpath-2026');
    expect((await vendor.send('GET', `/api/proposals/${proposal}`)).status).toBe(200);
    expect((await vendor.send('POST', `/api/proposals/${proposal}/approve`)).status).toBe(200);
    const coastline = await as('ops@coastline.example', 'demo-coastline-2026');
    expect((await coastline.send('GET', `/api/proposals/${proposal}`)).status).toBe(404);

    const renewal = await coo.send('GET', '/api/contracts/northwind-brightpath-2026/renewal?asOf=2026-04-01');
    expect(renewal.status).toBe(200);
    const sites = await vendor.json<{ vendor: string }[]>('GET', '/api/sites');
    expect(sites.status).toBe(200);
    expect(sites.body.length).toBeGreaterThan(0);
    expect(sites.body.every((s) => s.vendor === 'brightpath')).toBe(true);

    const imported = await coo.send('POST', '/api/imports/customers?filename=customers.csv', CUSTOMERS, {
      'content-type': 'text/csv',
    });
    expect(imported.status).toBe(200);
  }, 120_000);
});

describe('7. the records parties write, each in its own session', () => {
  it('numbers a vendor’s dispute after every vendor’s, and keeps its thread in the vendor’s session', async () => {
    const brightpath = await as('ops@brightpath.example', 'demo-brightpath-2026');
    const coastline = await as('ops@coastline.example', 'demo-coastline-2026');
    const coo = await as('coo@northwind.example', 'demo-coo-2026');
    const open = (client: TestClient, vendor: string) =>
      client.json<Dispute>('POST', '/api/disputes', {
        settlement: settlements[vendor],
        line: 'base-fee',
        claimed: '10.00',
        reason: `${vendor}: the March contacts are missing`,
      });
    // The second vendor's session sees none of the first's disputes, yet its dispute takes the next number.
    const first = await open(coastline, 'coastline');
    const second = await open(brightpath, 'brightpath');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(new Set([first.body.id, second.body.id]).size).toBe(2);
    const id = second.body.id;
    expect((await coo.json('POST', `/api/disputes/${id}/comments`, { message: 'Which queue?' })).status).toBe(
      200,
    );
    expect((await brightpath.json('POST', `/api/disputes/${id}/comments`, { message: 'Porto' })).status).toBe(
      200,
    );
    const resolved = await coo.json<Dispute>('POST', `/api/disputes/${id}/resolve`, {
      outcome: 'accepted',
      agreed: '5.00',
    });
    expect(resolved.status).toBe(200);
    const thread = await brightpath.json<Dispute>('GET', `/api/disputes/${id}`);
    expect(thread.body.messages?.map((m) => [m.party, m.kind])).toEqual([
      ['vendor', 'opened'],
      ['client', 'comment'],
      ['vendor', 'comment'],
      ['client', 'accepted'],
    ]);
    expect((await coastline.send('GET', `/api/disputes/${id}`)).status).toBe(404);
  });

  it('adds, tests and removes a vendor’s webhook, sets preferences, and keeps a client’s experiment, in the caller’s session', async () => {
    const brightpath = await as('ops@brightpath.example', 'demo-brightpath-2026');
    const coo = await as('coo@northwind.example', 'demo-coo-2026');
    const hook = await brightpath.json<{ id: string; vendor: string }>('POST', '/api/webhooks', {
      url: 'https://hooks.brightpath.example/covenant',
      secret: 'a-secret-of-enough-length',
      events: ['proposal.decided'],
    });
    expect(hook.status).toBe(201);
    expect(hook.body.vendor).toBe('brightpath');
    // A test event: queued for delivery in the vendor's session (nothing listens on that address).
    expect((await brightpath.send('POST', `/api/webhooks/${hook.body.id}/test`)).status).toBe(200);
    expect((await brightpath.send('DELETE', `/api/webhooks/${hook.body.id}`)).status).toBe(200);
    expect((await brightpath.json('PUT', '/api/me/notifications', { email: true })).status).toBe(200);
    expect((await brightpath.json('PUT', '/api/me/language', { language: 'pt' })).status).toBe(200);
    expect((await coo.json('PUT', '/api/tenant/language', { language: 'en' })).status).toBe(200);
    const experiment = {
      id: 'lisbon-coaching',
      metric: 'csat',
      treated: { site: ['lisbon'] },
      control: { vendor: ['coastline'] },
      start: '2026-04-01',
    };
    expect((await coo.json('POST', '/api/experiments', experiment)).status).toBe(200);
    expect((await coo.json<{ id: string }[]>('GET', '/api/experiments')).body.map((x) => x.id)).toContain(
      'lisbon-coaching',
    );
    expect((await coo.send('DELETE', '/api/experiments/lisbon-coaching')).status).toBe(200);
    const chain = await owner.withSession({ tenant: 'default' }, (db) => verifyAudit(db, 'default'));
    expect(chain.ok).toBe(true);
  });
});

describe('8. users, sessions and API tokens under row-level security (SQL as the application role)', () => {
  const count = async (db: Store, statement: string) =>
    Number((await db.query<{ n: number }>(raw(statement)))[0]?.n ?? 0);

  it('reads no user, session or token outside a session, and no other tenant’s inside one', async () => {
    await as('coo@northwind.example', 'demo-coo-2026');
    for (const table of ['users', 'sessions', 'api_tokens'])
      expect(await count(appStore, `SELECT count(*) AS n FROM ${table}`)).toBe(0);
    await appStore.withSession({ tenant: 'default' }, async (db) => {
      expect(await count(db, 'SELECT count(*) AS n FROM users')).toBeGreaterThan(0);
      expect(await count(db, "SELECT count(*) AS n FROM users WHERE tenant = 'southwind'")).toBe(0);
    });
  });

  it('shows a vendor’s session only its own users, and refuses it a client_admin', async () => {
    await appStore.withSession({ tenant: 'default', vendor: 'brightpath' }, async (db) => {
      const rows = await db.query<{ organisation: string; password_hash: string }>(
        raw('SELECT organisation, password_hash FROM users'),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.organisation === 'brightpath')).toBe(true);
      expect(
        await count(db, "SELECT count(*) AS n FROM sessions WHERE email = 'coo@northwind.example'"),
      ).toBe(0);
    });
    const attempt = appStore.withSession({ tenant: 'default', vendor: 'brightpath' }, (db) =>
      db.run(sql`INSERT INTO users VALUES ('default', 'mallory@brightpath.example', 'Mallory', 'client_admin',
        'brightpath', NULL, NULL, 'x', CURRENT_TIMESTAMP)`),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
    const other = appStore.withSession({ tenant: 'default', vendor: 'brightpath' }, (db) =>
      db.run(sql`INSERT INTO users VALUES ('default', 'mallory@northwind.example', 'Mallory', 'client_admin',
        'default', NULL, NULL, 'x', CURRENT_TIMESTAMP)`),
    );
    await expect(other).rejects.toThrow(/row-level security/);
  });

  it('stores no usable CSRF token', async () => {
    const client = await as('ops@coastline.example', 'demo-coastline-2026');
    const stored = await owner.query<{ csrf_token: string }>(raw('SELECT csrf_token FROM sessions'));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.csrf_token)).not.toContain(client.csrf);
  });
});

describe('11. the demo', () => {
  it('prints where it loaded without the database password', async () => {
    const db = await createTestDatabase();
    try {
      const password = decodeURIComponent(new URL(db.ownerUrl).password);
      expect(password.length).toBeGreaterThan(0);
      const run = runCli(['demo', '--scale', '0.001', '--db', db.ownerUrl]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/demo loaded into postgres/);
      expect(run.stdout + run.stderr).not.toContain(password);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
