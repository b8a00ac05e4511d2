import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../core/sql/fragment.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { cliEntry } from '../test-support/cli-entry.js';
import { REPO_ROOT, tempDir } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

const dir = tempDir();
const db = join(dir, 'users.duckdb');
const EMAIL = 'ops@coastline.example';
const PASSWORD = 'coastline-pass-2026';

beforeAll(() => {
  process.env.COVENANT_PASSWORD = PASSWORD;
  const added = runCli([
    'user',
    'add',
    EMAIL,
    '--role',
    'vendor_manager',
    '--organisation',
    'coastline',
    '--db',
    db,
  ]);
  delete process.env.COVENANT_PASSWORD;
  expect(added.code, added.stderr).toBe(0);
});

describe('covenant user token', () => {
  it('shows a token once, stores only its hash, lists it with its expiry and revokes it', async () => {
    const made = runCli(['user', 'token', 'create', EMAIL, '--label', 'ci', '--db', db]);
    expect(made.code, made.stderr).toBe(0);
    const token = made.stdout.trim();
    expect(token).toMatch(/^cov_default\.[\w-]{40,}$/);
    const id = made.stderr.match(/token ([0-9a-f]{12})/)?.[1] as string;
    expect(made.stderr).toMatch(/not shown again/);

    const listed = runCli(['user', 'token', 'list', '--db', db]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('ci');
    expect(listed.stdout).not.toContain(token);
    const expires = new Date(listed.stdout.match(/(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\s*$/m)?.[1] ?? 0);
    const days = (expires.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(91);

    const store = await DuckDbStore.open(db);
    const stored = JSON.stringify(await store.query(raw('SELECT * FROM api_tokens')));
    await store.close();
    expect(stored).not.toContain(token);

    const revoked = runCli(['user', 'token', 'revoke', id, '--db', db]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(runCli(['user', 'token', 'list', '--db', db]).stdout).not.toContain(id);
    expect(runCli(['user', 'token', 'revoke', id, '--db', db]).code).not.toBe(0);
    // Five CLI processes, each compiling the CLI from source.
  }, 180_000);

  it('issues no token for an email that is not a user', () => {
    const refused = runCli(['user', 'token', 'create', 'nobody@coastline.example', '--db', db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/no user nobody@coastline.example/);
    expect(refused.stdout).toBe('');
  });
});

describe('covenant serve', () => {
  it('stops within 5 s of SIGTERM with an event stream open', async () => {
    const child = spawn(process.execPath, [...cliEntry(), 'serve', '--port', '0', '--db', db], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = out.match(/Covenant on (http:\/\/\S+)/)?.[1];
        if (found) done(found);
      });
      setTimeout(() => fail(new Error(`serve did not start: ${out}`)), 30_000);
    });
    const login = await fetch(`${url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const events = await fetch(`${url}/api/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 60_000);
});
