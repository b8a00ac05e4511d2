import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeText } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';

const dir = tempDir();
const db = join(dir, 'idp.duckdb');
const SECRET = 'never-print-this-client-secret';

const FILE = `apiVersion: covenant/v1
kind: IdentityProvider
metadata:
  name: northwind-entra
  displayName: Northwind Entra ID
spec:
  issuer: https://login.northwind.example/v2.0
  clientId: covenant-app
  scopes: [openid, email, profile]
  claims:
    groups: roles
  roles:
    - when: Covenant.Admin
      role: client_admin
      organisation: northwind
`;

const withSecret = (args: string[]) => {
  process.env.COVENANT_CLIENT_SECRET = SECRET;
  try {
    return runCli(args);
  } finally {
    delete process.env.COVENANT_CLIENT_SECRET;
  }
};

describe('covenant idp', () => {
  it('reports every problem of a file with its line and path, exit 2', () => {
    const bad = writeText(
      dir,
      'bad.yaml',
      FILE.replace('https://login', 'http://login').replace('role: client_admin', 'role: admin'),
    );
    const result = runCli(['idp', 'validate', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:14:\d+: .*expected a role.*\(at spec\.roles\[0\]\.role\)/);
    const shapeOk = writeText(dir, 'http.yaml', FILE.replace('https://login', 'http://login'));
    expect(runCli(['idp', 'validate', shapeOk]).stderr).toMatch(/must use https.*\(at spec\.issuer\)/);
  }, 120_000);

  it('adds a provider without ever printing its secret, lists it, and guards password sign-in', () => {
    const file = writeText(dir, 'entra.yaml', FILE);
    const noSecret = runCli(['idp', 'add', file, '--db', db]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('needs a client secret');
    expect(runCli(['idp', 'password-login', 'off', '--db', db]).stderr).toContain('has no identity provider');

    const added = withSecret(['idp', 'add', file, '--db', db]);
    expect(added.code, added.stderr).toBe(0);
    const listed = runCli(['idp', 'list', '--db', db]);
    const json = runCli(['idp', 'list', '--db', db, '--format', 'json']);
    expect(listed.stdout).toMatch(/northwind-entra\s+Northwind Entra ID\s+https:\/\/login.northwind.example/);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ id: 'northwind-entra', clientId: 'covenant-app' });
    for (const run of [added, listed, json]) expect(run.stdout + run.stderr).not.toContain(SECRET);

    expect(runCli(['idp', 'password-login', 'off', '--db', db]).code).toBe(0);
    const last = runCli(['idp', 'remove', 'northwind-entra', '--db', db]);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('password sign-in is off');
    expect(runCli(['idp', 'password-login', 'on', '--db', db]).code).toBe(0);
    expect(runCli(['idp', 'remove', 'northwind-entra', '--db', db]).stdout).toContain('removed');
    expect(runCli(['idp', 'password-login', 'maybe', '--db', db]).code).toBe(2);
    // Ten processes, each loading the CLI and opening the store: slow on a loaded machine.
  }, 300_000);
});
