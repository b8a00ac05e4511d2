import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { tempDir } from '../test-support/fixtures.js';
import { appendAudit } from './audit.js';
import { verifySignature } from './signature.js';
import { runCliAsync, webhookReceiver } from './test-support/receivers.js';

/** `covenant webhook add|list|test|deliver|log|remove` on a DuckDB file, posting to a loopback receiver. */
const db = join(tempDir(), 'hooks.duckdb');
const SECRET = 'cli-secret-0123456789';
let hook: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  hook = await webhookReceiver([200]);
  const store = await DuckDbStore.open(db);
  await store.close();
});
afterAll(() => hook?.close());

describe('covenant webhook', () => {
  it('adds, tests, delivers a pending event, logs, lists without secrets, and removes', async () => {
    const base = ['--db', db, '--tenant', 'northwind'];
    const add = await runCliAsync([
      'webhook',
      'add',
      hook.url,
      '--secret',
      SECRET,
      '--events',
      'settlement.final',
      '--format',
      'json',
      ...base,
    ]);
    expect(add.stderr).toBe('');
    const id = (JSON.parse(add.stdout) as { id: string }).id;
    expect(
      (await runCliAsync(['webhook', 'add', hook.url, '--secret', SECRET, '--events', 'nope', ...base]))
        .stderr,
    ).toMatch(/expected a comma-separated list/);

    const test = await runCliAsync(['webhook', 'test', id, ...base]);
    expect(test.code).toBe(0);
    expect(JSON.parse(hook.received[0]?.body ?? '{}').type).toBe('webhook.test');

    const store = await DuckDbStore.open(db);
    await store.transaction((tx) =>
      appendAudit(tx, 'northwind', {
        action: 'settlement.final',
        subject: 's1',
        event: { type: 'settlement.final', vendor: null, data: { settlement: 's1' } },
      }),
    );
    await store.close();
    const deliver = await runCliAsync(['webhook', 'deliver', '--format', 'json', ...base]);
    expect(JSON.parse(deliver.stdout)).toMatchObject({ dispatched: 1, attempted: 1, delivered: 1 });
    const posted = hook.received[1];
    expect(posted && verifySignature(SECRET, posted.body, String(posted.headers['covenant-signature']))).toBe(
      true,
    );
    const log = JSON.parse((await runCliAsync(['webhook', 'log', '--format', 'json', ...base])).stdout);
    expect(log).toEqual([
      expect.objectContaining({ webhook: id, type: 'settlement.final', status: 'delivered', attempts: 1 }),
    ]);
    const list = await runCliAsync(['webhook', 'list', '--format', 'json', ...base]);
    expect(list.stdout).not.toContain(SECRET);
    expect((await runCliAsync(['webhook', 'remove', id, ...base])).stdout).toBe(`removed ${id}\n`);
    expect(JSON.parse((await runCliAsync(['webhook', 'list', '--format', 'json', ...base])).stdout)).toEqual(
      [],
    );
  }, 300_000);
});
