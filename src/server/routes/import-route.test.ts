import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMapping } from '../../ingest/mapping/load-mapping.js';
import { applyMapping } from '../../ingest/mapping-store.js';
import type { Store } from '../../store/store.js';
import { memoryStore, REPO_ROOT } from '../../test-support/fixtures.js';
import { createApp } from '../app.js';
import { addUser } from '../auth/users.js';
import { serverDeps } from '../deps.js';
import { silentLogger } from '../logger.js';

const CAP = 64 * 1024 * 1024;
const GIB = 1024 * 1024 * 1024;
let store: Store;
let app: ReturnType<typeof createApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  store = await memoryStore();
  await addUser(store, 'default', {
    email: 'admin@client.example',
    name: 'Admin',
    role: 'client_admin',
    organisation: 'client',
    password: 'a-long-test-password',
  });
  const source = readFileSync(`${REPO_ROOT}/mappings/zendesk-tickets-csv.yaml`, 'utf8');
  const spec = parseMapping(source, 'zendesk-tickets-csv.yaml');
  if (!spec.ok) throw new Error('mapping');
  await applyMapping(store, 'default', spec.value, source);
  app = createApp(serverDeps(store, { log: silentLogger, importLimit: CAP }));
  const login = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@client.example', password: 'a-long-test-password' }),
  });
  expect(login.status).toBe(200);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': csrf };
});

/** A body of `total` zero bytes made as it is read, 1 MiB at a time; `pulled` counts what was read. */
function zeros(total: number) {
  const chunk = new Uint8Array(1024 * 1024);
  const seen = { pulled: 0, peakRss: process.memoryUsage().rss };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) return controller.close();
      seen.pulled += chunk.length;
      seen.peakRss = Math.max(seen.peakRss, process.memoryUsage().rss);
      controller.enqueue(chunk);
    },
  });
  return { stream, seen };
}

describe('POST /api/imports/{dataset}', () => {
  it('imports through a stored mapping and answers with the CLI summary', async () => {
    const body = readFileSync(`${REPO_ROOT}/mappings/samples/zendesk-tickets.csv`);
    const response = await app.request(
      '/api/imports/interactions?filename=tickets.csv&mapping=zendesk-tickets-csv',
      { method: 'POST', headers, body },
    );
    const summary = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(summary)).toBe(200);
    expect(summary).toMatchObject({
      file: 'tickets.csv',
      dataset: 'interactions',
      read: 3,
      accepted: 3,
      rejected: 0,
    });
    expect(Object.keys(summary).sort()).toEqual(
      [
        'file',
        'dataset',
        'format',
        'batchId',
        'read',
        'accepted',
        'rejected',
        'replaced',
        'inserted',
        'unchanged',
        'filtered',
        'extraColumns',
        'rejects',
      ].sort(),
    );
    const unknown = await app.request('/api/imports/interactions?mapping=nope', {
      method: 'POST',
      headers,
      body,
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain(
      'no stored mapping nope; stored: zendesk-tickets-csv',
    );
  });

  it('refuses a declared 1 GB upload with 413 before reading it', async () => {
    const { stream, seen } = zeros(GIB);
    const response = await app.request('/api/imports/interactions', {
      method: 'POST',
      headers: { ...headers, 'content-length': String(GIB) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(seen.pulled).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('refuses a streamed 1 GB upload with 413 at the cap, memory growing by less than 50 MB', async () => {
    const before = process.memoryUsage().rss;
    const { stream, seen } = zeros(GIB);
    const response = await app.request('/api/imports/interactions', {
      method: 'POST',
      headers,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toContain(`larger than ${CAP} bytes`);
    // It read to the cap (the body streamed to disk), not the gigabyte.
    expect(seen.pulled).toBeGreaterThan(CAP);
    expect(seen.pulled).toBeLessThan(CAP + 16 * 1024 * 1024);
    expect(seen.peakRss - before).toBeLessThan(50 * 1024 * 1024);
  });
});
