import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recalibrate } from '../contracts/recalibrate.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { createApp } from '../server/app.js';
import { serverDeps } from '../server/deps.js';
import { silentLogger } from '../server/logger.js';
import { TestClient } from '../server/test-client.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import { BACKOFF_SECONDS, MAX_ATTEMPTS } from './deliver.js';
import { verifySignature } from './signature.js';
import { smtpReceiver, waitFor, webhookReceiver } from './test-support/receivers.js';
import { startRecordsWorker } from './worker.js';

/**
 * Webhooks and e-mail end to end: a proposal approved through the API reaches a webhook
 * as a signed POST from the outbox, delivered by the worker `covenant serve` runs; the
 * first attempt answers 500 and the retry repeats the event id. The vendor's e-mail asking
 * for its approval is read from a loopback SMTP server.
 */
const TENANT = 'default';
const SECRET = 'whsec-test-0123456789';
let store: Store;
let app: ReturnType<typeof createApp>;
let hook: Awaited<ReturnType<typeof webhookReceiver>>;
let coastlineHook: Awaited<ReturnType<typeof webhookReceiver>>;
let smtp: Awaited<ReturnType<typeof smtpReceiver>>;
let stopWorker: () => void;

const as = async (email: string, password: string) => {
  const client = new TestClient(app);
  expect((await client.login(email, password)).status).toBe(200);
  return client;
};

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
  await createDemoUsers(store, TENANT);
  app = createApp(serverDeps(store, { log: silentLogger }));
  hook = await webhookReceiver([500, 200]);
  coastlineHook = await webhookReceiver([200]);
  smtp = await smtpReceiver();
  process.env.COVENANT_SMTP_URL = smtp.url;
  stopWorker = startRecordsWorker(
    store,
    async () => [TENANT],
    () => undefined,
  );
}, 180_000);

afterAll(async () => {
  stopWorker?.();
  delete process.env.COVENANT_SMTP_URL;
  await Promise.all([hook?.close(), coastlineHook?.close(), smtp?.close()]);
  await store?.close();
});

describe('webhooks and e-mail', () => {
  it('e-mails the vendor, who opted in, to approve a proposal; a signed POST follows its approval, retried after a 500', async () => {
    const coo = await as('coo@northwind.example', 'demo-coo-2026');
    const brightpath = await as('ops@brightpath.example', 'demo-brightpath-2026');
    const coastline = await as('ops@coastline.example', 'demo-coastline-2026');
    const added = await coo.json<{ id: string }>('POST', '/api/webhooks', {
      url: hook.url,
      secret: SECRET,
      events: ['proposal.decided'],
    });
    expect(added.status).toBe(201);
    // A vendor's webhook: coastline's, for the same event, must not receive brightpath's proposal.
    const other = await coastline.json<{ vendor: string }>('POST', '/api/webhooks', {
      url: coastlineHook.url,
      secret: SECRET,
      events: ['proposal.decided'],
    });
    expect(other.body.vendor).toBe('coastline');
    expect((await brightpath.json('PUT', '/api/me/notifications', { email: true })).status).toBe(200);
    // Coastline may not see the client's webhooks, nor the audit log.
    expect((await coastline.json<unknown[]>('GET', '/api/webhooks')).body).toHaveLength(1);
    expect((await coastline.send('GET', '/api/audit')).status).toBe(403);

    const report = await recalibrate(store, TENANT, 'northwind-brightpath-2026', {
      period: '2026-Q3',
      asOf: '2026-09-30T19:00:00Z',
    });
    const id = report.proposal?.id as string;
    expect(id).toBeTruthy();
    const ask = await waitFor('the e-mail asking the vendor to approve', () =>
      smtp.mails.find((m) => m.subject?.includes(id)),
    );
    expect(ask.to && !Array.isArray(ask.to) ? ask.to.text : '').toBe('ops@brightpath.example');
    expect(ask.subject).toBe(`Covenant: proposal ${id} awaits your approval`);
    expect(ask.text).toContain('/#/proposals');

    const approved = await coo.json<{ approvals: unknown[] }>('POST', `/api/proposals/${id}/approve`);
    expect(approved.status).toBe(200);
    const [first, second] = await waitFor('two attempts', () =>
      hook.received.length >= 2 ? hook.received : undefined,
    );
    if (!first || !second) throw new Error('two attempts');
    // The retry comes within 10 s of the failed attempt, with the same event and the same bytes.
    expect(second.at - first.at).toBeGreaterThanOrEqual((BACKOFF_SECONDS[0] ?? 0) * 1000 - 100);
    expect(second.at - first.at).toBeLessThan(10_000);
    expect(second.body).toBe(first.body);
    const event = JSON.parse(second.body) as {
      id: string;
      type: string;
      created: string;
      tenant: string;
      data: Record<string, unknown>;
    };
    expect(event).toMatchObject({
      type: 'proposal.decided',
      tenant: TENANT,
      data: { proposal: id, party: 'client', decision: 'approve', awaiting: ['vendor'] },
    });
    expect(Object.keys(event)).toEqual(['id', 'type', 'created', 'tenant', 'data']);
    for (const attempt of [first, second]) {
      const header = String(attempt.headers['covenant-signature']);
      const [, t, v1] = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
      expect(v1).toBe(createHmac('sha256', SECRET).update(`${t}.${attempt.body}`).digest('hex'));
      expect(Math.abs(Number(t) - attempt.at / 1000)).toBeLessThan(5);
      expect(verifySignature('another-secret-of-16', attempt.body, header)).toBe(false);
    }
    // The attempt is recorded once the receiver has answered: wait for the log to say so.
    const log = await waitFor('the delivery log', async () => {
      const answer = await coo.json<{ event: string; status: string; attempts: number }[]>(
        'GET',
        `/api/webhooks/${added.body.id}/deliveries`,
      );
      return answer.body[0]?.status === 'delivered' ? answer.body : undefined;
    });
    expect(log).toEqual([expect.objectContaining({ event: event.id, status: 'delivered', attempts: 2 })]);
    // The vendor is asked again, now that only its approval is awaited; coastline's webhook got nothing.
    await waitFor('the second e-mail', () => smtp.mails.filter((m) => m.subject?.includes(id)).length >= 2);
    expect(coastlineHook.received).toEqual([]);

    // Manual redelivery posts the same event again.
    expect(
      (await coo.json('POST', `/api/webhooks/${added.body.id}/deliveries/${event.id}/redeliver`)).status,
    ).toBe(200);
    const third = await waitFor('the redelivery', () => hook.received[2]);
    expect(JSON.parse(third.body).id).toBe(event.id);
  }, 120_000);

  it('retries at least 6 times over at least an hour', () => {
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(6);
    expect(BACKOFF_SECONDS[0] ?? 99).toBeLessThanOrEqual(10);
    expect(BACKOFF_SECONDS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3600);
  });
});
