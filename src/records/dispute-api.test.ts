import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { settleContract } from '../contracts/settle-contract.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { createApp } from '../server/app.js';
import { serverDeps } from '../server/deps.js';
import { silentLogger } from '../server/logger.js';
import { TestClient } from '../server/test-client.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { Store } from '../store/store.js';
import { tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';
import { windowIn } from '../test-support/text-query.js';
import type { Dispute } from './disputes.js';
import { openRfp } from './test-support/open-rfp.js';

/**
 * Disputes through the API (role rules of docs/api.md: a vendor sees only its own) and
 * through the CLI with --format json, on the same DuckDB file.
 */
const TENANT = 'default';
const FINAL = '2027-06-01T00:00:00Z';
const dir = tempDir();
const db = join(dir, 'disputes.duckdb');
let store: Store;
let app: ReturnType<typeof createApp>;
let brightpathQ1 = '';
let coastlineQ1 = '';

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};

beforeAll(async () => {
  store = await DuckDbStore.open(db);
  await loadDemo(store, { scale: 0.02, seed: 2, tenant: TENANT, decisions: false });
  await createDemoUsers(store, TENANT);
  brightpathQ1 = (
    await settleContract(store, TENANT, 'northwind-brightpath-2026', windowIn('2026-Q1'), FINAL)
  ).settlementId;
  coastlineQ1 = (await settleContract(store, TENANT, 'northwind-coastline-2026', windowIn('2026-Q1'), FINAL))
    .settlementId;
  app = createApp(serverDeps(store, { log: silentLogger }));
}, 180_000);

describe('disputes through the API', () => {
  it('lets the vendor open, the client answer and accept; a vendor sees only its own disputes', async () => {
    const brightpath = await as('ops@brightpath.example', 'demo-brightpath-2026');
    const coastline = await as('ops@coastline.example', 'demo-coastline-2026');
    const coo = await as('coo@northwind.example', 'demo-coo-2026');
    const lead = await as('lead.lisbon@brightpath.example', 'demo-lead-2026');

    const opened = await brightpath.json<Dispute>('POST', '/api/disputes', {
      settlement: brightpathQ1,
      line: 'base-fee',
      claimed: '99999.00',
      reason: 'The March contacts of the Porto queue are missing',
      evidence: [{ name: 'porto.csv', content: Buffer.from('day,contacts\n').toString('base64') }],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      openedParty: 'vendor',
      openedBy: 'ops@brightpath.example',
      vendor: 'brightpath',
    });
    const id = opened.body.id;
    // Another vendor: the dispute, its thread and the settlement do not exist for it.
    expect((await coastline.json<Dispute[]>('GET', '/api/disputes')).body).toEqual([]);
    expect((await coastline.send('GET', `/api/disputes/${id}`)).status).toBe(404);
    expect((await coastline.send('POST', `/api/disputes/${id}/comments`, { message: 'hi' })).status).toBe(
      404,
    );
    const foreign = await coastline.send('POST', '/api/disputes', {
      settlement: brightpathQ1,
      line: 'base-fee',
      claimed: '1.00',
      reason: 'x',
    });
    expect(foreign.status).toBe(404);
    expect((await lead.send('GET', '/api/disputes')).status).toBe(403);
    // Bad input is refused with what was expected.
    const bad = await coo.json<{ error: string }>('POST', '/api/disputes', {
      settlement: coastlineQ1,
      line: 'base-fee',
      claimed: '12.345',
      reason: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/minor unit/);

    expect(
      (await coo.json('POST', `/api/disputes/${id}/comments`, { message: 'Porto is not on this contract' }))
        .status,
    ).toBe(200);
    expect(
      (await brightpath.json('POST', `/api/disputes/${id}/resolve`, { outcome: 'accepted', agreed: '1.00' }))
        .status,
    ).toBe(400);
    const accepted = await coo.json<Dispute>('POST', `/api/disputes/${id}/resolve`, {
      outcome: 'accepted',
      agreed: '50000.00',
    });
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      agreed: '50000.00',
      resolvedBy: 'coo@northwind.example',
    });
    const thread = await brightpath.json<Dispute>('GET', `/api/disputes/${id}`);
    const file = await coastline.send('GET', `/api/disputes/${id}/messages/1/evidence/porto.csv`);
    expect(file.status).toBe(404);
    const own = await brightpath.send('GET', `/api/disputes/${id}/messages/1/evidence/porto.csv`);
    expect(await own.text()).toBe('day,contacts\n');
    expect(thread.body.messages?.map((m) => [m.party, m.kind])).toEqual([
      ['vendor', 'opened'],
      ['client', 'comment'],
      ['client', 'accepted'],
    ]);
    const records = await brightpath.json<{ adjustments: { id: string }[] }>(
      'GET',
      '/api/contracts/northwind-brightpath-2026/settlements?period=2026-Q2',
    );
    expect(records.body.adjustments.map((a) => a.id)).toEqual([`dispute:${id}`]);
    const audit = await coo.json<{ action: string; actor: string; subject: string }[]>('GET', '/api/audit');
    expect(audit.body.filter((e) => e.subject === id).map((e) => [e.action, e.actor])).toEqual([
      ['dispute.opened', 'ops@brightpath.example'],
      ['dispute.updated', 'coo@northwind.example'],
      ['dispute.resolved', 'coo@northwind.example'],
    ]);
    // An RFP response submitted through the API is audited too.
    await openRfp(store, TENANT, 'audit-test', ['coastline']);
    const rfp = await coastline.send('POST', '/api/rfps/audit-test/responses', {
      response: {
        apiVersion: 'covenant/v1',
        kind: 'RFPResponse',
        metadata: { name: 'coastline-revised' },
        spec: {
          rfp: 'audit-test',
          vendor: 'coastline',
          submitted: '2026-12-03',
          pricing: {
            model: 'outcome_based',
            unit: 'handled_contact',
            rate: '3.80',
            atRisk: '12%',
            bonusCap: '4%',
          },
          answers: [
            { question: 'outcome-reporting', summary: 'A shared dashboard and a monthly joint review.' },
          ],
        },
      },
    });
    expect(rfp.status).toBe(201);
    const after = await coo.json<{ action: string; actor: string }[]>('GET', '/api/audit');
    expect(after.body.at(-1)).toMatchObject({ action: 'rfp.response', actor: 'ops@coastline.example' });
    expect((await coo.json<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });
});

describe('covenant dispute', () => {
  it('opens, lists, shows, comments and resolves with --format json, --as client|vendor', async () => {
    await store.close();
    const base = ['--db', db, '--tenant', TENANT, '--format', 'json'];
    const evidence = writeText(dir, 'rates.txt', 'the agreed rate is 4.10\n');
    const open = runCli([
      'dispute',
      'open',
      coastlineQ1,
      '--as',
      'vendor',
      '--line',
      'base-fee',
      '--claimed',
      '10.00',
      '--reason',
      'rate',
      '--evidence',
      evidence,
      ...base,
    ]);
    expect(open.stderr).toBe('');
    const opened = JSON.parse(open.stdout) as Dispute;
    expect(opened).toMatchObject({ status: 'open', vendor: 'coastline', openedParty: 'vendor' });
    expect(opened.messages?.[0]?.evidence).toEqual([
      expect.objectContaining({ name: 'rates.txt', bytes: 24 }),
    ]);
    const mine = JSON.parse(
      runCli(['dispute', 'list', '--as', 'vendor', '--vendor', 'coastline', ...base]).stdout,
    ) as Dispute[];
    expect(mine.map((d) => d.id)).toEqual([opened.id]);
    expect(
      runCli(['dispute', 'show', opened.id, '--as', 'vendor', '--vendor', 'brightpath', ...base]).code,
    ).toBe(2);
    const commented = JSON.parse(
      runCli(['dispute', 'comment', opened.id, '--as', 'client', '--message', 'see clause 4', ...base])
        .stdout,
    ) as Dispute;
    expect(commented.messages).toHaveLength(2);
    const rejected = JSON.parse(
      runCli(['dispute', 'resolve', opened.id, '--as', 'client', '--outcome', 'rejected', ...base]).stdout,
    ) as Dispute;
    expect(rejected.status).toBe('rejected');
    expect(rejected.messages?.map((m) => m.kind)).toEqual(['opened', 'comment', 'rejected']);
    expect(runCli(['audit', 'verify', '--db', db, '--tenant', TENANT]).code).toBe(0);
  }, 300_000);
});
