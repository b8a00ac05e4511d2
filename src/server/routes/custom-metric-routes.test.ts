import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/import-file.js';
import { applyMetric, parseCustomMetric } from '../../query/custom-metric-store.js';
import { interactionsCsv, MARCH } from '../../query/test-data.js';
import type { Store } from '../../store/store.js';
import { CHAT_RESOLUTION } from '../../test-support/chat-resolution-metric.js';
import { memoryStore, tempDir, writeText } from '../../test-support/fixtures.js';
import { createApp } from '../app.js';
import { addUser } from '../auth/users.js';
import { serverDeps } from '../deps.js';
import { silentLogger } from '../logger.js';

let store: Store;
let app: ReturnType<typeof createApp>;
let headers: Record<string, string>;

beforeAll(async () => {
  store = await memoryStore();
  await importFile(store, 'interactions', writeText(tempDir(), 'march.csv', interactionsCsv(MARCH)), {
    tenant: 'default',
  });
  const parsed = parseCustomMetric(CHAT_RESOLUTION, 'm.yaml');
  if (!parsed.ok) throw new Error('metric');
  await applyMetric(store, 'default', parsed.value);
  await addUser(store, 'default', {
    email: 'admin@client.example',
    name: 'Admin',
    role: 'client_admin',
    organisation: 'client',
    password: 'a-long-test-password',
  });
  app = createApp(serverDeps(store, { log: silentLogger }));
  const login = await app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@client.example', password: 'a-long-test-password' }),
  });
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  headers = {
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
    'x-csrf-token': csrf,
    'content-type': 'application/json',
  };
});

describe('custom metrics through the API', () => {
  it('the catalog (and so the glossary) lists them after the built-in metrics', async () => {
    const catalog = (await (await app.request('/api/metrics', { headers })).json()) as {
      id: string;
      family: string;
    }[];
    expect(catalog.at(-1)).toMatchObject({ id: 'chat_resolution', family: 'custom' });
  });

  it('a query answers them with the number the CLI gives', async () => {
    const body = {
      metrics: ['chat_resolution'],
      period: '2026-03',
      timezone: 'Europe/Lisbon',
      where: { vendor: ['brightpath'] },
    };
    const response = await app.request('/api/query', { method: 'POST', headers, body: JSON.stringify(body) });
    const {
      results: [result],
    } = (await response.json()) as { results: { metric: string; value: number; n: number }[] };
    const chats = MARCH.filter(
      (r) =>
        r.channel === 'chat' &&
        (r.abandoned ?? 'false') === 'false' &&
        r.at >= '2026-03-01' &&
        r.at < '2026-03-31T23',
    );
    expect(result).toMatchObject({ metric: 'chat_resolution', n: chats.length });
    expect(result?.value).toBeCloseTo(
      chats.filter((r) => (r.resolved ?? 'true') === 'true').length / chats.length,
      12,
    );
  });
});
