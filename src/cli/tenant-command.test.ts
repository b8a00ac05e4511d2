import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../test-support/cli-entry.js';
import { REPO_ROOT, tempDir } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

/**
 * A real store is clean: `covenant serve` on a fresh store creates no user (the demo's
 * logins do not work), prints a one-time setup link instead, and `covenant user add
 * --tenant` keeps e-mails unique across tenants. The real CLI, in child processes.
 */
const dir = tempDir();
const fresh = join(dir, 'fresh.duckdb');
let child: ChildProcess;
let url = '';
let printed = '';

const post = (path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    redirect: 'manual',
  });

beforeAll(async () => {
  child = spawn(process.execPath, [...cliEntry(), 'serve', '--port', '0', '--db', fresh], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      url ||= printed.match(/Covenant on (http:\/\/\S+)/)?.[1] ?? '';
      if (url && /setup\?token=\S+\n/.test(printed)) done();
    });
    setTimeout(() => fail(new Error(`serve printed no setup link: ${printed}`)), 60_000);
  });
}, 90_000);

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('covenant serve on a fresh store', () => {
  it('creates no user: the demo’s logins do not work', async () => {
    for (const [email, password] of [
      ['coo@northwind.example', 'demo-coo-2026'],
      ['ops@brightpath.example', 'demo-brightpath-2026'],
    ]) {
      const response = await post('/api/login', { email, password });
      expect(response.status, email).toBe(401);
    }
  });

  it('prints a setup link that creates the first client_admin once, and is refused the second time', async () => {
    const link = new URL(printed.match(/(http:\/\/\S+\/setup\?token=\S+)/)?.[1] ?? '');
    const token = link.searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(30);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/api/setup">');
    const first = {
      token,
      tenant: 'acme',
      tenantName: 'Acme Bank',
      email: 'admin@acme.example',
      name: 'Acme admin',
      password: 'acme-first-admin-2026',
    };
    const wrong = await post('/api/setup', { ...first, token: `${token}x` });
    expect(wrong.status).toBe(403);
    const created = await post('/api/setup', first);
    expect(created.status, await created.clone().text()).toBe(200);
    const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const me = await fetch(`${url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({
      user: { email: 'admin@acme.example', role: 'client_admin' },
      tenant: 'acme',
      tenantName: 'Acme Bank',
      isDemo: false,
    });
    const again = await post('/api/setup', { ...first, email: 'mallory@acme.example' });
    expect(again.status).toBe(403);
    const login = await post('/api/login', { email: 'admin@acme.example', password: first.password });
    expect(login.status).toBe(200);
    expect(
      (await post('/api/login', { email: 'mallory@acme.example', password: first.password })).status,
    ).toBe(401);
  }, 60_000);
});

describe('covenant user add --tenant and covenant tenant', () => {
  const db = join(dir, 'tenants.duckdb');
  const add = (email: string, tenant: string, extra: string[] = []) => {
    process.env.COVENANT_PASSWORD = 'a-long-password-2026';
    try {
      return runCli([
        'user',
        'add',
        email,
        '--role',
        'client_admin',
        '--organisation',
        tenant,
        '--tenant',
        tenant,
        '--db',
        db,
        ...extra,
      ]);
    } finally {
      delete process.env.COVENANT_PASSWORD;
    }
  };

  it('creates the tenant with its name, and refuses an e-mail of another tenant (exit 2)', () => {
    const first = add('boss@alpha.example', 'alpha', ['--tenant-name', 'Alpha Insurance']);
    expect(first.code, first.stderr).toBe(0);
    expect(add('boss@beta.example', 'beta').code).toBe(0);
    const clash = add('Boss@Alpha.example', 'beta');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/already a user of another tenant/);
    const listed = runCli(['tenant', 'list', '--db', db, '--format', 'json']);
    expect(listed.code, listed.stderr).toBe(0);
    const tenants = JSON.parse(listed.stdout) as { id: string; name: string; isDemo: boolean }[];
    expect(tenants.map((t) => [t.id, t.name, t.isDemo])).toEqual([
      ['alpha', 'Alpha Insurance', false],
      ['beta', 'beta', false],
    ]);
    const bad = runCli(['tenant', 'add', 'no.dots', '--name', 'x', '--db', db]);
    expect(bad.code).toBe(2);
  }, 120_000);

  it('npm start refuses a store with a real tenant: demo users are never created there', () => {
    const start = spawnSync(process.execPath, [...cliEntry(), 'start', '--port', '0', '--db', db], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(start.status, start.stdout).toBe(2);
    expect(start.stderr).toMatch(/tenant alpha, which is not a demo/);
    const users = runCli(['user', 'list', '--db', db, '--tenant', 'alpha', '--format', 'json']);
    expect(JSON.parse(users.stdout).map((u: { email: string }) => u.email)).toEqual(['boss@alpha.example']);
  }, 90_000);
});
