import { expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import type { Store } from '../store/store.js';
import { A, A_ONLY, B, B_CONTRACT, SHARED_ID } from '../test-support/two-tenants.js';
import type { createApp } from './app.js';
import { createToken } from './auth/sessions.js';
import { addUser } from './auth/users.js';
import { TestClient } from './test-client.js';

/**
 * One server, two tenants (test-support/two-tenants.ts): each tenant's users sign in
 * through /api/login and see only their own tenant, whatever ids they ask for. Run on
 * DuckDB (tenants.test.ts) and as PostgreSQL's application role (tenants-postgres.test.ts).
 */
export function twoTenantSuite(ctx: () => { app: ReturnType<typeof createApp>; owner: Store }): void {
  const as = async (email: string, password: string) => {
    const client = new TestClient(ctx().app);
    const response = await client.login(email, password);
    expect(response.status, email).toBe(200);
    return client;
  };
  const ids = (list: { id: string }[]) => list.map((c) => c.id).sort();

  it('signs in users of both tenants and names each one’s tenant', async () => {
    const a = await (await as(A.coo, A.password)).json<Record<string, unknown>>('GET', '/api/me');
    const b = await (await as(B.coo, B.password)).json<Record<string, unknown>>('GET', '/api/me');
    expect(a.body).toMatchObject({ tenant: A.tenant, tenantName: 'Northwind Bank', isDemo: true });
    expect(b.body).toMatchObject({ tenant: B.tenant, tenantName: B.name, isDemo: false });
  });

  it('shows each tenant its own contracts, also under an id both tenants use', async () => {
    const a = await as(A.coo, A.password);
    const b = await as(B.coo, B.password);
    // A first: a result cached for A must not answer B.
    const listA = await a.json<{ id: string }[]>('GET', '/api/contracts');
    const listB = await b.json<{ id: string }[]>('GET', '/api/contracts');
    expect(ids(listA.body)).toEqual([SHARED_ID, ...A_ONLY].sort());
    expect(ids(listB.body)).toEqual([SHARED_ID, B_CONTRACT].sort());
    const sameA = await a.json<{ displayName: string; client: string }>('GET', `/api/contracts/${SHARED_ID}`);
    const sameB = await b.json<{ displayName: string; client: string }>('GET', `/api/contracts/${SHARED_ID}`);
    expect(sameA.body.client).toBe('northwind');
    expect(sameB.body).toMatchObject({
      client: 'southwind',
      displayName: 'Southwind copy of the BrightPath terms',
    });
    const period = '2026-Q1';
    const invoiceA = await a.send('GET', `/api/contracts/${SHARED_ID}/settlement?period=${period}`);
    const invoiceB = await b.send('GET', `/api/contracts/${SHARED_ID}/settlement?period=${period}`);
    expect(invoiceA.status).toBe(200);
    expect(invoiceB.status).toBe(200);
    expect(await invoiceB.text()).not.toEqual(await invoiceA.text());
  }, 120_000);

  it('answers B 404 for A’s contracts, settlements, renewals and RFP, and shows it none of A’s audit', async () => {
    const b = await as(B.coo, B.password);
    for (const id of A_ONLY)
      for (const tail of [
        '',
        '/overview?period=2026-Q1',
        '/settlement?period=2026-Q1',
        '/settlements',
        '/renewal',
      ])
        expect((await b.send('GET', `/api/contracts/${id}${tail}`)).status, `${id}${tail}`).toBe(404);
    // A's RFP (the demo's, stored in A's tenant) does not exist for B.
    const rfp = '/api/rfps/northwind-support-2027';
    for (const tail of ['', '/comparison', '/responses', '/scores'])
      expect((await b.send('GET', `${rfp}${tail}`)).status, `${rfp}${tail}`).toBe(404);
    expect((await b.json<{ rfps: unknown[] }>('GET', '/api/rfps')).body.rfps).toEqual([]);
    expect((await (await as(A.coo, A.password)).send('GET', `${rfp}/comparison`)).status).toBe(200);
    const audit = await b.json<{ tenant: string; subject: string }[]>('GET', '/api/audit');
    expect(audit.status).toBe(200);
    expect(audit.body.length).toBeGreaterThan(0);
    expect(audit.body.every((e) => e.tenant === B.tenant)).toBe(true);
    expect(JSON.stringify(audit.body)).not.toMatch(/northwind\.example|northwind-coastline/);
    const query = await b.json<{ results: { n: number }[] }>('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-03',
      timezone: 'Europe/Lisbon',
    });
    expect(query.status).toBe(200);
    // The owner's count of B's rows bounds B's answer (A's are thousands).
    const own = await ctx().owner.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM interactions WHERE tenant = ${B.tenant}`,
    );
    expect(query.body.results[0]?.n).toBeLessThanOrEqual(Number(own[0]?.n));
  }, 120_000);

  it('gives each tenant its own custom metrics, also when their requests interleave', async () => {
    const a = await as(A.coo, A.password);
    const b = await as(B.coo, B.password);
    const catalogA = ids((await a.json<{ id: string }[]>('GET', '/api/metrics')).body);
    const catalogB = ids((await b.json<{ id: string }[]>('GET', '/api/metrics')).body);
    expect(catalogA).toContain('self_service_adoption');
    expect(catalogA).not.toContain('chat_resolution');
    expect(catalogB).toContain('chat_resolution');
    expect(catalogB).not.toContain('self_service_adoption');
    const ask = (client: TestClient, metric: string) =>
      client.send('POST', '/api/query', { metrics: [metric], period: '2026-03', timezone: 'Europe/Lisbon' });
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0 ? ask(a, 'self_service_adoption') : ask(b, 'chat_resolution'),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await ask(b, 'self_service_adoption')).status).toBe(400);
    expect((await ask(a, 'chat_resolution')).status).toBe(400);
    // A's contract naming its own metric still reads after B's catalog was loaded.
    expect((await a.send('GET', '/api/contracts/northwind-brightpath-2027')).status).toBe(200);
  }, 120_000);

  it('scopes an API token to its tenant; a token with another tenant’s name is refused', async () => {
    const { token } = await ctx().owner.withSession({ tenant: B.tenant }, (db) =>
      createToken(db, B.tenant, B.coo, 'test'),
    );
    expect(token.startsWith(`cov_${B.tenant}.`)).toBe(true);
    const bearer = (value: string) =>
      ctx().app.request('/api/contracts', { headers: { authorization: `Bearer ${value}` } });
    const own = await bearer(token);
    expect(own.status).toBe(200);
    expect(ids((await own.json()) as { id: string }[])).toEqual([SHARED_ID, B_CONTRACT].sort());
    expect((await bearer(token.replace(`cov_${B.tenant}.`, `cov_${A.tenant}.`))).status).toBe(401);
  });

  it('keeps e-mails unique across tenants', async () => {
    const again = ctx().owner.transaction((tx) =>
      addUser(tx, B.tenant, {
        email: 'COO@northwind.example',
        name: 'impostor',
        role: 'client_admin',
        organisation: B.tenant,
        password: 'another-long-password',
      }),
    );
    await expect(again).rejects.toThrow(/already a user of another tenant/);
    // The demo's password does not open B's tenant, nor B's A's.
    expect((await new TestClient(ctx().app).login(B.coo, A.password)).status).toBe(401);
  });
}
