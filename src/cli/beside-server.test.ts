import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../test-support/cli-entry.js';
import { REPO_ROOT, tempDir } from '../test-support/fixtures.js';

/*
 * The CLI beside a running `covenant serve` on the same DuckDB file, all real processes:
 * the server lets go of the file between requests, each command waits its turn
 * (docs/sharing-the-store.md). The store is a temporary file, never the demo's name. About 40 s on
 * an idle 2-core machine (each CLI process starts through tsx), longer under load.
 */
const dir = tempDir();
const db = join(dir, 'beside.duckdb');
const big = join(dir, 'september.csv');
const AUGUST = ['../shared/reference-data', '/work/shared/reference-data']
  .map((root) => join(REPO_ROOT, root, 'anonymous-bank-1999/august_1999.csv'))
  .find(existsSync);
const PASSWORD = 'beside-the-server-1';

function covenant(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [...cliEntry(), ...args, '--db', db], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function run(args: string[], env: Record<string, string> = {}) {
  const child = covenant(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  return { code, stdout, stderr };
}

let server: ChildProcess;
let url = '';
let token = '';

const api = (path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

const dataVersion = async () =>
  ((await (await api('/api/data-version')).json()) as { version: number }).version;

const contacts = async (period: string) => {
  const response = await api('/api/query', { metrics: ['contacts'], period });
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { n: number }[] }).results[0]?.n;
};

/** The first data version above `than` on the event stream (what an open dashboard hears). */
async function nextVersion(than: number): Promise<number> {
  const response = await api('/api/events');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the event stream ended: ${text}`);
      text += decoder.decode(value);
      for (const match of text.matchAll(/data: \{"version":(\d+)\}/g))
        if (Number(match[1]) > than) return Number(match[1]);
    }
  } finally {
    await reader.cancel();
  }
}

const interactionRows = async () => {
  const status = await run(['status', '--format', 'json']);
  expect(status.code).toBe(0);
  const parsed = JSON.parse(status.stdout) as { datasets: { dataset: string; rows: number }[] };
  return parsed.datasets.find((d) => d.dataset === 'interactions')?.rows;
};

beforeAll(async () => {
  // A small demo store and a 300,000-row file, written by DuckDB itself (the kill's target).
  const [demo] = await Promise.all([
    run(['demo', '--scale', '0.005']),
    (async () => {
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      await connection.run(`COPY (SELECT 'k' || i AS interaction_id,
          '1999-09-01T00:00:00Z'::TIMESTAMPTZ + to_seconds(i) AS started_at, '' AS closed_at,
          'voice' AS channel, 'card_dispute' AS workflow, 'brightpath' AS vendor, 'lisbon' AS site, 'en' AS language,
          'a1' AS agent_id, 'c' || (i % 1000) AS customer_id, 'human' AS path, 5 AS queue_seconds, 200 AS handle_seconds,
          false AS abandoned, true AS resolved, 1 + i % 5 AS csat, false AS error, 'none' AS offer, '0' AS revenue
        FROM range(300000) t(i)) TO '${big}' (HEADER)`);
      connection.closeSync();
      instance.closeSync();
    })(),
  ]);
  expect(demo.code, demo.stderr).toBe(0);
  // `npm start` itself (covenant start): the demo store exists, so it serves it as the README says.
  server = covenant(['start', '--port', '0']);
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Covenant (?:demo \(.*?\) )?on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1] as string);
    });
    server.on('exit', (code) => reject(new Error(`start exited ${code}`)));
  });
}, 120_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('the CLI beside a running npm start (covenant start)', () => {
  it('adds a user and an API token while the server holds the store', async () => {
    const added = await run(
      ['user', 'add', 'ops@northwind.example', '--role', 'client_admin', '--organisation', 'northwind'],
      { COVENANT_PASSWORD: PASSWORD },
    );
    expect(added.code, added.stderr).toBe(0);
    const made = await run(['user', 'token', 'create', 'ops@northwind.example']);
    expect(made.code, made.stderr).toBe(0);
    token = made.stdout.trim();
    expect((await api('/api/contracts')).status).toBe(200);
  }, 90_000);

  it("runs the README's import; the server's next answer counts the new rows", async () => {
    expect(AUGUST, 'the Anonymous Bank 1999 file in ../shared/reference-data').toBeDefined();
    const before = await dataVersion();
    expect(await contacts('1999-08')).toBe(0);
    const live = nextVersion(before);
    const imported = await run([
      'import',
      'interactions',
      AUGUST as string,
      '--mapping',
      'mappings/anonymous-bank-1999.yaml',
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('accepted 41768');
    // Open dashboards hear of it with no request of theirs (the server looks at the file).
    expect(await live).toBeGreaterThan(before);
    expect(await dataVersion()).toBeGreaterThan(before);
    // The mapping's rows of 1999-08 (a few start in the last minutes of July in UTC).
    expect(await contacts('1999-08')).toBe(41750);
  }, 90_000);

  it('answers status, query, settle and contract list while dashboards keep asking', async () => {
    let asking = true;
    const answers: string[] = [];
    const dashboard = (async () => {
      while (asking) {
        const response = await api('/api/contracts');
        answers.push(`${response.status}${response.headers.has('retry-after') ? ' retry' : ''}`);
      }
    })();
    const results = await Promise.all([
      run(['status']),
      run(['query', 'contacts', '--period', '2026-Q1', '--format', 'json']),
      run(['settle', 'northwind-brightpath-2026', '--period', '2026-Q1']),
      run(['contract', 'list']),
    ]);
    asking = false;
    await dashboard;
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(results[2]?.stdout).toMatch(/total EUR \d+\.\d\d/);
    const queried = JSON.parse(results[1]?.stdout ?? '') as { n: number }[];
    expect(queried[0]?.n).toBe(await contacts('2026-Q1'));
    // Each answer is the list, or (commands come first: four of them at once on a loaded
    // machine can hold the file past a request's 10 s) a 503 that says when to come back.
    expect(answers.filter((a) => a !== '200' && a !== '503 retry')).toEqual([]);
    expect(answers).toContain('200');
  }, 90_000);

  it('answers 503 with Retry-After while another process holds the file, and recovers', async () => {
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         let instance;
         // The server may hold the file for its idle second: try until it lets go.
         while (!instance) instance = await DuckDBInstance.create(process.argv[1]).catch(() => null);
         process.stdout.write('held\\n');
         process.on('SIGTERM', () => { instance.closeSync(); process.exit(0); });
         setInterval(() => {}, 1000);`,
        db,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise((held) => holder.stdout?.once('data', held));
    const [refused, command] = await Promise.all([
      api('/api/data-version'),
      run(['status'], { COVENANT_DB_WAIT: '2' }),
    ]);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    // A command says whom it waits for, and gives up after its bound with exit 3.
    expect(command.code).toBe(3);
    expect(command.stderr).toContain(`waiting for the store ${db} held by process ${holder.pid} (up to 2 s)`);
    expect(command.stderr).toMatch(new RegExp(`error: the store .* is held by process ${holder.pid}`));
    holder.kill('SIGTERM');
    await new Promise((done) => holder.on('exit', done));
    expect((await api('/api/data-version')).status).toBe(200);
  }, 90_000);

  it('survives an import killed mid-write: the server serves, the store is unchanged', async () => {
    const rows = await interactionRows();
    const child = covenant(['import', 'interactions', big, '--verbose']);
    let stderr = '';
    const exit = new Promise<{ code: number | null; signal: string | null }>((done) =>
      child.on('exit', (code, signal) => done({ code, signal })),
    );
    await new Promise<void>((writing) =>
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(' writing ')) writing();
      }),
    );
    child.kill('SIGKILL');
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await contacts('1999-09')).toBe(0);
    expect(await interactionRows()).toBe(rows);
    // The server answers from the same store, and its cached answers still hold.
    expect((await api('/api/contracts')).status).toBe(200);
  }, 90_000);
});
