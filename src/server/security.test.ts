import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recalibrate } from '../contracts/recalibrate.js';
import { sql } from '../core/sql/fragment.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { openRfp } from '../records/test-support/open-rfp.js';
import type { Store } from '../store/store.js';
import { memoryStore } from '../test-support/fixtures.js';
import type { ProposalT } from './api/schemas.js';
import { createApp } from './app.js';
import { createToken } from './auth/sessions.js';
import { addUser, removeUser } from './auth/users.js';
import { type ServerDeps, serverDeps } from './deps.js';
import { silentLogger } from './logger.js';
import { ResultCache } from './result-cache.js';
import { type RunningServer, startServer } from './serve.js';
import { TestClient } from './test-client.js';

/**
 * Issue 11's attacks, each re-run through HTTP against the demo: every one must fail to
 * get through. Login attacks run on apps of their own (their own limiter) so that one
 * test's failures do not throttle another's.
 */
let store: Store;
let app: ReturnType<typeof createApp>;
let server: RunningServer;

beforeAll(async () => {
  store = await memoryStore();
  await loadDemo(store, { scale: 0.02, seed: 3, tenant: 'default', decisions: false });
  await createDemoUsers(store, 'default');
  // As in the browser tests: on Q3's last evening BrightPath's containment has moved (a proposal).
  const report = await recalibrate(store, 'default', 'northwind-brightpath-2026', {
    period: '2026-Q3',
    asOf: '2026-09-30T19:00:00Z',
  });
  if (!report.proposal) throw new Error(`expected a proposal: ${report.outcome}`);
  app = createApp(serverDeps(store, { log: silentLogger }));
  server = await startServer(store, { port: 0, deps: { log: silentLogger } });
});
afterAll(() => server?.close(100));

const PASSWORDS: Record<string, string> = {
  'coo@northwind.example': 'demo-coo-2026',
  'ops@brightpath.example': 'demo-brightpath-2026',
  'ops@coastline.example': 'demo-coastline-2026',
  'agent@brightpath.example': 'demo-agent-2026',
};
const as = async (email: string, on = app) => {
  const client = new TestClient(on);
  expect((await client.login(email, PASSWORDS[email] as string)).status).toBe(200);
  return client;
};
const ownApp = (deps: Partial<ServerDeps> = {}) =>
  createApp(serverDeps(store, { log: silentLogger, ...deps }));
const login = (on: ReturnType<typeof createApp>, email: string, password: string, from?: string) =>
  on.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ email, password }),
  });

describe('1. value metrics and the result cache', () => {
  it('refuses a vendor the value metrics the client asked for first, for its own and another contract', async () => {
    // The client filters on BrightPath: the very request a BrightPath user's forced filter makes.
    const body = (contract: string) => ({
      metrics: ['value_per_contact'],
      period: '2026-Q1',
      where: { vendor: ['brightpath'] },
      contract,
    });
    const client = await as('coo@northwind.example');
    expect((await client.send('POST', '/api/query', body('northwind-brightpath-2026'))).status).toBe(200);
    expect((await client.send('POST', '/api/query', body('northwind-coastline-2026'))).status).toBe(200);
    const vendor = await as('ops@brightpath.example');
    for (const contract of ['northwind-brightpath-2026', 'northwind-coastline-2026']) {
      const response = await vendor.send('POST', '/api/query', body(contract));
      expect(response.status).toBe(403);
      expect(await response.text()).not.toMatch(/"value":/);
    }
  });
});

describe('issue 10, item 2: no result computed for one party serves another', () => {
  it('keys every cached result by the caller’s scope', async () => {
    const keys: string[] = [];
    class Recording extends ResultCache {
      override get<T>(version: number, key: string, compute: () => Promise<T>): Promise<T> {
        keys.push(key);
        return super.get(version, key, compute);
      }
    }
    const own = ownApp({ cache: new Recording() });
    const paths = [
      '/api/contracts/northwind-brightpath-2026/overview?period=2026-Q1',
      '/api/contracts/northwind-brightpath-2026/settlement?period=2026-Q1',
      '/api/contracts/northwind-brightpath-2026/renewal?asOf=2026-04-01',
    ];
    for (const email of ['coo@northwind.example', 'ops@brightpath.example']) {
      const client = await as(email, own);
      for (const path of paths) expect((await client.send('GET', path)).status, `${email} ${path}`).toBe(200);
      const body = { metrics: ['fcr'], period: '2026-Q1', where: { vendor: ['brightpath'] } };
      expect((await client.send('POST', '/api/query', body)).status).toBe(200);
    }
    const byParty = (prefix: string) => keys.filter((k) => k.startsWith(prefix));
    for (const kind of ['overview:', 'settlement:', 'renewal:', 'query:']) {
      const distinct = new Set(byParty(kind));
      expect(distinct.size, kind).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('2. one query cannot stall the server', () => {
  it('answers a century of days 400 at once, as any role, while /api/health stays instant', async () => {
    const agent = await as('agent@brightpath.example');
    const started = Date.now();
    const century = agent.send('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2000..2100',
      grain: 'day',
    });
    const health = await app.request('/api/health');
    const response = await century;
    expect(health.status).toBe(200);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/longer than 10 years/);
    expect(Date.now() - started).toBeLessThan(1000);
    const year = await agent.send('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2024..2026',
      grain: 'day',
    });
    expect(year.status).toBe(400);
    expect(((await year.json()) as { error: string }).error).toMatch(/1096 day results is more than 1000/);
    const baseline = await agent.send('POST', '/api/query', {
      metrics: ['contacts'],
      period: '2026-Q1',
      baseline: '1900-01-01..2100-12-31',
    });
    expect(baseline.status).toBe(400);
    expect(((await baseline.json()) as { error: string }).error).toMatch(/baseline: .* longer than 10 years/);
  });
});

describe('2. query time is bounded', () => {
  it('answers 503 when a request runs past the server’s timeout, and the server stays up', async () => {
    const hurried = ownApp({ requestTimeoutMs: 5 });
    const { token } = await createToken(store, 'default', 'coo@northwind.example', 'timeout test');
    const started = Date.now();
    const response = await hurried.request('/api/query', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        metrics: ['fcr', 'aht', 'csat', 'contacts'],
        period: '2026',
        grain: 'week',
        by: ['site'],
      }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/longer than/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await hurried.request('/api/health')).status).toBe(200);
  });
});

describe('3 and 4. the login limiter', () => {
  it('evaluates at most 5 of 20 parallel guesses', async () => {
    const own = ownApp();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(own, 'coo@northwind.example', `guess-${i}`)),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('does not let a sprayer wash its address by signing in to its own account', async () => {
    const own = ownApp();
    const statuses: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const victim of ['coo@northwind.example', 'ops@coastline.example'])
        statuses.push((await login(own, victim, `spray-${round}`)).status);
      statuses.push((await login(own, 'ops@brightpath.example', 'demo-brightpath-2026')).status);
    }
    expect(statuses).toContain(429);
  });

  it('never locks out a correct password from an address that has not failed', async () => {
    const own = ownApp({ trustProxy: ['local'] });
    const attacker = '203.0.113.9';
    const statuses = [];
    for (let i = 0; i < 8; i += 1)
      statuses.push((await login(own, 'coo@northwind.example', 'wrong', attacker)).status);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect((await login(own, 'coo@northwind.example', 'demo-coo-2026', '198.51.100.7')).status).toBe(200);
  });

  it('honours X-Forwarded-For only from a trusted proxy', async () => {
    const untrusted = ownApp();
    for (let i = 0; i < 5; i += 1)
      expect((await login(untrusted, 'nobody@x.example', 'wrong', `192.0.2.${i}`)).status).toBe(401);
    // A new made-up address does not buy new guesses when the socket is not a trusted proxy.
    expect((await login(untrusted, 'other@x.example', 'wrong', '192.0.2.99')).status).toBe(429);
    const behindProxy = ownApp({ trustProxy: ['local'] });
    for (let i = 0; i < 5; i += 1) await login(behindProxy, 'nobody@x.example', 'wrong', '192.0.2.1');
    expect(
      (await login(behindProxy, 'ops@coastline.example', 'demo-coastline-2026', '192.0.2.2')).status,
    ).toBe(200);
  });

  it('costs an unknown email the same password work as a known one', async () => {
    const own = ownApp({ trustProxy: ['local'] });
    const time = async (email: string, i: number) => {
      const started = performance.now();
      expect((await login(own, email, 'wrong-password', `10.9.0.${i}`)).status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      known.push(await time('coo@northwind.example', i));
      unknown.push(await time(`nobody-${i}@northwind.example`, 10 + i));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) / 2);
  });
});

/** Reads an event stream for `ms` and returns what came. */
async function readFor(response: Response, ms: number): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const next = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), until - Date.now())),
    ]);
    if (!next || next.done) break;
    text += decoder.decode(next.value);
  }
  await reader.cancel();
  return text;
}

async function httpLogin(email: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${server.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORDS[email] }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

describe('5. live events', () => {
  it('tell a vendor that data changed, never which vendor’s proposal or contract', async () => {
    const coastline = await httpLogin('ops@coastline.example');
    const events = await fetch(`${server.url}/api/events`, { headers: { cookie: coastline.cookie } });
    const client = await httpLogin('coo@northwind.example');
    const proposals = (await (
      await fetch(`${server.url}/api/proposals`, { headers: { cookie: client.cookie } })
    ).json()) as ProposalT[];
    const brightpath = proposals.find((p) => p.contract === 'northwind-brightpath-2026') as ProposalT;
    expect(brightpath).toBeDefined();
    const reading = readFor(events, 1500);
    const decided = await fetch(`${server.url}/api/proposals/${brightpath.id}/reject`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf },
    });
    expect(decided.status).toBe(200);
    const text = await reading;
    expect(text).toMatch(/event: data-version/);
    expect(text).not.toMatch(/brightpath|proposal|approve|reject/);
  });
});

describe('6. value metrics in the renewal scorecard', () => {
  it('gives the client the value section and the vendor none', async () => {
    const path = '/api/contracts/northwind-brightpath-2026/renewal?asOf=2026-04-01';
    const client = await (await as('coo@northwind.example')).json<{ value: { periods: unknown[] } }>(
      'GET',
      path,
    );
    expect(client.status).toBe(200);
    expect(client.body.value.periods.length).toBeGreaterThan(0);
    const vendor = await (await as('ops@brightpath.example')).send('GET', path);
    expect(vendor.status).toBe(200);
    const text = await vendor.text();
    expect((JSON.parse(text) as { value: { periods: unknown[] } }).value.periods).toEqual([]);
    expect(text).not.toMatch(/valuePerContact|"source":"value"/);
  });
});

describe('9. body limits', () => {
  it('answers 413 to a 64 MB login body before signing in', async () => {
    const response = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"${'a'.repeat(64 * 1024 * 1024)}","password":"x"}`,
    });
    expect(response.status).toBe(413);
  });

  it('streams an import under its cap and answers 413 past it', async () => {
    const small = ownApp({ importLimit: 1000 });
    const coo = await as('coo@northwind.example', small);
    const response = await coo.send('POST', '/api/imports/interactions?filename=big.csv', 'x'.repeat(5000), {
      'content-type': 'text/csv',
    });
    expect(response.status).toBe(413);
  });
});

describe('10. cookies and security headers', () => {
  it('sends a strict CSP, nosniff, no framing and no referrer on every answer', async () => {
    for (const path of ['/api/health', '/api/contracts', '/', '/api/docs']) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('marks the session cookie Secure and sends HSTS behind an https public URL', async () => {
    const secure = ownApp({ secureCookies: true });
    const response = await login(secure, 'coo@northwind.example', 'demo-coo-2026');
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('11. small ones', () => {
  it('answers a login with another content type 4xx, not 500', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'email=coo@northwind.example&password=x',
      });
      expect([400, 415]).toContain(response.status);
    }
  });

  it('names the uploaded file in import errors, never the server’s temporary directory', async () => {
    const coo = await as('coo@northwind.example');
    const response = await coo.send(
      'POST',
      '/api/imports/interactions?filename=mine.csv',
      'not,a\nvalid,file\n',
      {
        'content-type': 'text/csv',
      },
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain(tmpdir());
    expect(text).not.toContain('covenant-upload-');
  });

  it('answers a YAML alias bomb 400', async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from({ length: 8 }, (_, i) => {
        const [me, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
        return `${me}: &${me} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
      }),
    ].join('\n');
    await openRfp(store, 'default', 'bomb-test', ['coastline']);
    const vendor = await as('ops@coastline.example');
    const response = await vendor.send('POST', '/api/rfps/bomb-test/responses', bomb, {
      'content-type': 'application/yaml',
    });
    expect(response.status).toBe(400);
  });

  it('stops a removed user’s token at once, expires tokens, and issues none for a stranger', async () => {
    await addUser(store, 'default', {
      email: 'temp@coastline.example',
      name: 'Temp',
      role: 'vendor_manager',
      organisation: 'coastline',
      password: 'temporary-2026',
    });
    const { token } = await createToken(store, 'default', 'temp@coastline.example', 'test');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.request('/api/contracts', { headers: bearer })).status).toBe(200);
    await removeUser(store, 'default', 'temp@coastline.example');
    expect((await app.request('/api/contracts', { headers: bearer })).status).toBe(401);

    const old = await createToken(store, 'default', 'ops@coastline.example', 'old');
    expect(
      (await app.request('/api/contracts', { headers: { authorization: `Bearer ${old.token}` } })).status,
    ).toBe(200);
    await store.run(sql`UPDATE api_tokens SET expires_at = CAST('2020-01-01T00:00:00Z' AS TIMESTAMPTZ)
      WHERE substr(token_hash, 1, 12) = ${old.id}`);
    expect(
      (await app.request('/api/contracts', { headers: { authorization: `Bearer ${old.token}` } })).status,
    ).toBe(401);
    await expect(createToken(store, 'default', 'nobody@northwind.example', 'x')).rejects.toThrow(/no user/);
  });

  it('stops within the grace with an event stream open', async () => {
    const own = await startServer(store, { port: 0, deps: { log: silentLogger } });
    const response = await fetch(`${own.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coo@northwind.example', password: 'demo-coo-2026' }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const events = await fetch(`${own.url}/api/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const started = Date.now();
    await own.close(2_000);
    expect(Date.now() - started).toBeLessThan(2_500);
    await readFor(events, 100).catch(() => '');
  });
});
