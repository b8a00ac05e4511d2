import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { memoryStore } from '../../test-support/fixtures.js';
import { createApp } from '../app.js';
import { createToken } from '../auth/sessions.js';
import { addUser } from '../auth/users.js';
import { serverDeps } from '../deps.js';
import { jsonLogger, silentLogger } from '../logger.js';
import { TestClient } from '../test-client.js';

/** The probes, and the log lines of a server: JSON, levelled, with request ids, without secrets. */
let store: Store;
const PASSWORD = 'correct-horse-battery-staple-7';

beforeAll(async () => {
  store = await memoryStore();
  await addUser(store, 'default', {
    email: 'admin@client.example',
    name: 'Admin',
    role: 'client_admin',
    organisation: 'client',
    password: PASSWORD,
  });
});
afterAll(() => store.close());

/** A store whose every query fails, as one whose server went away does. */
const unreachable = (inner: Store): Store =>
  new Proxy(inner, {
    get: (target, key, receiver) =>
      key === 'query' || key === 'run'
        ? () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432 postgres://covenant:hunter2@db'))
        : Reflect.get(target, key, receiver),
  });

describe('GET /api/health and /api/ready', () => {
  it('answer without a session: alive, and ready when the store answers', async () => {
    const app = createApp(serverDeps(store, { log: silentLogger }));
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it('answers ready 503 when the store does not answer, and health still 200 (it touches no store)', async () => {
    const lines: string[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
    const app = createApp(serverDeps(unreachable(store), { log: jsonLogger(out, 'debug') }));
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, error: 'the store did not answer' });
    expect((await app.request('/api/health')).status).toBe(200);
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.level === 'warn');
    expect(warning).toMatchObject({ message: 'not ready: the store did not answer' });
    expect(warning.error).toMatch(/ECONNREFUSED/);
    expect(lines.join('\n')).not.toMatch(/hunter2/);
  });
});

describe('the server log', () => {
  const capture = (level: 'debug' | 'info') => {
    const lines: string[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
    const app = createApp(serverDeps(store, { log: jsonLogger(out, level) }));
    return { app, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  };

  it('writes one JSON line per request with its level and request id, and never a password, cookie or token', async () => {
    const { app, lines, parsed } = capture('debug');
    const client = new TestClient(app);
    expect((await client.login('admin@client.example', PASSWORD)).status).toBe(200);
    const wrong = await client.send('POST', '/api/login', {
      email: 'admin@client.example',
      password: 'Wrong-Pass-99',
    });
    expect(wrong.status).toBe(401);
    const { token } = await createToken(store, 'default', 'admin@client.example', 'log test');
    const withToken = await app.request('/api/me', {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'probe-42' },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('x-request-id')).toBe('probe-42');
    const entries = parsed();
    expect(entries.map((e) => `${e.level} ${e.method} ${e.path} ${e.status}`)).toEqual([
      'info POST /api/login 200',
      'info POST /api/login 401',
      'info GET /api/me 200',
    ]);
    expect(entries[2]).toMatchObject({ requestId: 'probe-42', user: 'admin@client.example' });
    for (const entry of entries) expect(entry.requestId).toMatch(/^[\w.:-]{1,64}$/);
    const text = lines.join('\n');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain('Wrong-Pass-99');
    expect(text).not.toContain(token);
    expect(text).not.toContain(client.csrf);
    expect(text).not.toMatch(/covenant_session=/);
  });

  it('filters by level: probes are debug, so info leaves them out', async () => {
    const { app, parsed } = capture('info');
    await app.request('/api/health');
    await app.request('/api/ready');
    await app.request('/api/contracts');
    expect(parsed().map((e) => `${e.level} ${e.path} ${e.status}`)).toEqual(['info /api/contracts 401']);
  });

  it('replaces a request id that is not a plain token', async () => {
    const { app, parsed } = capture('info');
    const response = await app.request('/api/contracts', {
      headers: { 'x-request-id': 'a"b{"injected":1}' },
    });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed()[0]?.requestId).toBe(id);
  });

  it('redacts fields named like secrets and passwords in URLs, whoever logs them', () => {
    const lines: string[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const log = jsonLogger(out, 'info');
    log('debug', 'not written');
    log('info', 'opened postgres://covenant:s3cret@db/covenant', {
      password: 'p',
      apiToken: 't',
      nested: { Authorization: 'Bearer x', cookie: 'c', count: 2 },
    });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] as string);
    expect(entry).toMatchObject({
      level: 'info',
      message: 'opened postgres://covenant:[redacted]@db/covenant',
      password: '[redacted]',
      apiToken: '[redacted]',
      nested: { Authorization: '[redacted]', cookie: '[redacted]', count: 2 },
    });
  });
});
