import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import type { OverviewT, ProposalT, QueryAnswerT } from './api/schemas.js';
import { createApp } from './app.js';
import { serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { TestClient } from './test-client.js';

let store: Store;
let app: ReturnType<typeof createApp>;
const logs: string[] = [];

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.02, seed: 3, tenant: 'default', decisions: false });
  await createDemoUsers(store, 'default');
  const log = (level: string, message: string, fields?: Record<string, unknown>) =>
    void logs.push(JSON.stringify({ level, message, ...fields }));
  app = createApp(serverDeps(store, { log }));
});

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};
const coo = () => as('coo@northwind.example', 'demo-coo-2026');
const coastline = () => as('ops@coastline.example', 'demo-coastline-2026');
const agent = () => as('agent@brightpath.example', 'demo-agent-2026');

describe('authentication', () => {
  it('refuses unauthenticated calls, wrong passwords, and too many failures', async () => {
    const anonymous = new TestClient(app);
    expect((await anonymous.send('GET', '/api/contracts')).status).toBe(401);
    // An app of its own: its limiter counts these failures for this address alone.
    const guesser = new TestClient(createApp(serverDeps(store, { log: silentLogger })));
    for (let i = 0; i < 5; i += 1)
      expect((await guesser.login('coo@northwind.example', 'wrong')).status).toBe(401);
    const blocked = await guesser.login('coo@northwind.example', 'demo-coo-2026');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('needs the CSRF token on cookie requests that change or compute', async () => {
    const client = await coastline();
    const noToken = await client.send(
      'POST',
      '/api/query',
      { metrics: ['csat'], period: '2026-Q3' },
      { 'x-csrf-token': 'forged' },
    );
    expect(noToken.status).toBe(403);
  });

  it('never logs a password or a session cookie', () => {
    const text = logs.join('\n');
    expect(text).not.toContain('demo-coo-2026');
    expect(text).not.toMatch(/covenant_session/);
    expect(logs.some((line) => line.includes('"requestId"'))).toBe(true);
  });
});

describe('isolation between organisations', () => {
  it('shows a vendor only its own contracts; another vendor’s answers 404', async () => {
    const client = await coastline();
    const list = await client.json<{ id: string }[]>('GET', '/api/contracts');
    expect(list.body.map((c) => c.id)).toEqual(['northwind-coastline-2026']);
    expect((await client.send('GET', '/api/contracts/northwind-brightpath-2026')).status).toBe(404);
    expect(
      (await client.send('GET', '/api/contracts/northwind-brightpath-2026/settlement?period=2026-Q1')).status,
    ).toBe(404);
    const all = await (await coo()).json<{ id: string }[]>('GET', '/api/contracts');
    expect(all.body).toHaveLength(3);
  });

  it('forces a vendor’s filter into every query and refuses another vendor’s data', async () => {
    const client = await coastline();
    const mine = await client.json<QueryAnswerT>('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-Q1',
      by: ['vendor'],
    });
    expect(mine.body.results.map((r) => r.group.vendor)).toEqual(['coastline']);
    const theirs = await client.send('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-Q1',
      where: { vendor: ['brightpath'] },
    });
    expect(theirs.status).toBe(403);
  });

  it('lets an agent see their own numbers and their site’s, never another agent’s', async () => {
    const client = await agent();
    const me = await client.json<{ user: { agentId: string } }>('GET', '/api/me');
    const own = await client.json<QueryAnswerT>('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-Q1',
      where: { agent: [me.body.user.agentId] },
    });
    expect(own.status).toBe(200);
    const byAgent = await client.send('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-Q1',
      by: ['agent'],
    });
    expect(byAgent.status).toBe(403);
    const other = await client.send('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-Q1',
      where: { agent: ['someone-else'] },
    });
    expect(other.status).toBe(403);
  });
});

describe('contracts, proposals and imports over the API', () => {
  it('gives the overview of a contract with every outcome’s value, n, interval and projected pay', async () => {
    const client = await coo();
    const overview = await client.json<OverviewT>(
      'GET',
      '/api/contracts/northwind-brightpath-2026/overview?period=2026-Q3',
    );
    expect(overview.status).toBe(200);
    expect(overview.body.outcomes).toHaveLength(6);
    for (const o of overview.body.outcomes) expect(o.result.n).toBeGreaterThan(0);
    expect(Number(overview.body.projectedTotal)).toBeGreaterThan(0);
  });

  it('lets an import change what the same query answers, with a new data version', async () => {
    const client = await coo();
    const before = await client.json<{ version: number }>('GET', '/api/data-version');
    const query = { metrics: ['contacts'], period: '2027-01', where: { vendor: ['in_house'] } };
    const first = await client.json<QueryAnswerT>('POST', '/api/query', query);
    expect(first.body.results[0]?.value).toBe(0);
    // Nothing found says why: the period has no data in the store yet.
    expect(first.body.warnings).toEqual([expect.stringMatching(/^no contacts in 2027-01 in the store/)]);
    const csv = [
      'interaction_id,started_at,channel,workflow,vendor,site,path,abandoned,resolved',
      'new-1,2027-01-05T10:00:00Z,chat,general_inquiry,in_house,dublin,human,false,true',
    ].join('\n');
    const upload = await client.json<{ accepted: number }>(
      'POST',
      '/api/imports/interactions?filename=new.csv',
      csv,
    );
    expect(upload.body.accepted).toBe(1);
    expect((await client.json<{ version: number }>('GET', '/api/data-version')).body.version).toBeGreaterThan(
      before.body.version,
    );
    const second = await client.json<QueryAnswerT>('POST', '/api/query', query);
    expect(second.body.results[0]?.value).toBe(1);
    expect(second.body.warnings).toEqual([]);
    const vendor = await coastline();
    expect((await vendor.send('POST', '/api/imports/interactions?filename=x.csv', csv)).status).toBe(403);
  });

  it('serves an OpenAPI 3.1 document of the routes', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/query', '/api/contracts/{id}/overview', '/api/proposals/{id}/approve']),
    );
  });

  it('lists proposals only to the parties that may see them', async () => {
    const proposals = await (await coo()).json<ProposalT[]>('GET', '/api/proposals');
    expect(proposals.status).toBe(200);
    const forCoastline = await (await coastline()).json<ProposalT[]>('GET', '/api/proposals');
    expect(forCoastline.body.every((p) => p.contract === 'northwind-coastline-2026')).toBe(true);
  });
});
