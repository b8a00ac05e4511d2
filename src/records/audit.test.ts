import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideProposal } from '../contracts/proposal-store.js';
import { recalibrate } from '../contracts/recalibrate.js';
import { settleContract } from '../contracts/settle-contract.js';
import { sql } from '../core/sql/fragment.js';
import { createDemoUsers } from '../demo/demo-users.js';
import { loadDemo } from '../demo/load-demo.js';
import { createToken } from '../server/auth/sessions.js';
import { removeUser } from '../server/auth/users.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { tempDir } from '../test-support/fixtures.js';
import { runCli } from '../test-support/run-cli.js';
import { windowIn } from '../test-support/text-query.js';
import { listAudit, verifyAudit, withActor } from './audit.js';
import { openDispute, resolveDispute } from './disputes.js';
import { addWebhook, removeWebhook } from './webhooks.js';

/**
 * Every kind of state change appends to the chain, `covenant audit verify` recomputes it,
 * and a row changed by hand is named. The store is a DuckDB file the CLI opens after the
 * test closed it.
 */
const TENANT = 'demo';
const ID = 'northwind-brightpath-2026';
const db = join(tempDir(), 'audit.duckdb');

beforeAll(async () => {
  const store = await DuckDbStore.open(db);
  try {
    await loadDemo(store, { scale: 0.05, seed: 1, tenant: TENANT, decisions: false });
    await createDemoUsers(store, TENANT);
    await createToken(store, TENANT, 'coo@northwind.example', 'ci');
    await removeUser(store, TENANT, 'agent@brightpath.example');
    const report = await recalibrate(store, TENANT, ID, { period: '2026-Q3', asOf: '2026-09-30T19:00:00Z' });
    const proposal = report.proposal?.id;
    if (!proposal) throw new Error('the demo proposes for 2026-Q3');
    await withActor('coo@northwind.example', () =>
      decideProposal(store, TENANT, proposal, 'client', 'approve', '2026-09-30T20:00:00Z'),
    );
    await withActor('ops@brightpath.example', () =>
      decideProposal(store, TENANT, proposal, 'vendor', 'approve', '2026-09-30T21:00:00Z'),
    );
    const provisional = await settleContract(store, TENANT, ID, windowIn('2026-Q1'), '2026-04-02T00:00:00Z');
    expect(provisional.kind).toBe('provisional');
    const final = await settleContract(store, TENANT, ID, windowIn('2026-Q1'), '2027-06-01T00:00:00Z');
    const d = await openDispute(store, TENANT, {
      settlement: final.settlementId,
      line: 'base-fee',
      claimed: '1.00',
      reason: 'rate',
      party: 'vendor',
    });
    await resolveDispute(store, TENANT, d.id, { party: 'client', outcome: 'rejected' });
    const hook = await addWebhook(store, TENANT, {
      url: 'http://127.0.0.1:9/hook',
      secret: 'a-secret-of-sixteen',
      events: ['settlement.final'],
    });
    await removeWebhook(store, TENANT, hook.id);
  } finally {
    await store.close();
  }
}, 180_000);

describe('covenant audit', () => {
  it('verify passes after every kind of change, each entry saying who, what and the ids', async () => {
    const result = runCli(['audit', 'verify', '--db', db, '--tenant', TENANT]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const store = await DuckDbStore.open(db);
    try {
      const entries = await listAudit(store, TENANT);
      expect(result.stdout).toBe(`${entries.length} entries, chain intact\n`);
      const actions = new Set(entries.map((e) => e.action));
      for (const action of [
        'contract.version',
        'import.batch',
        'user.add',
        'user.remove',
        'token.create',
        'proposal.created',
        'proposal.decided',
        'settlement.provisional',
        'settlement.final',
        'dispute.opened',
        'dispute.resolved',
        'webhook.add',
        'webhook.remove',
      ])
        expect(actions, action).toContain(action);
      const decided = entries.filter((e) => e.action === 'proposal.decided');
      expect(decided.map((e) => e.actor)).toEqual(['coo@northwind.example', 'ops@brightpath.example']);
      const version = entries.filter((e) => e.action === 'contract.version' && e.subject === ID).at(-1);
      expect(version).toMatchObject({ before: `${ID} v1`, after: `${ID} v2` });
    } finally {
      await store.close();
    }
    const csv = runCli([
      'audit',
      'list',
      '--db',
      db,
      '--tenant',
      TENANT,
      '--format',
      'csv',
      '--since',
      '2000-01-01',
    ]);
    expect(csv.stdout.split('\n')[0]).toBe('seq,at,actor,action,subject,before,after,detail,hash');
  }, 180_000);

  it('verify fails naming the entry when one row is changed by hand', async () => {
    const store = await DuckDbStore.open(db);
    try {
      await store.run(
        sql`UPDATE audit_log SET detail = '{"total":"0.00"}' WHERE tenant = ${TENANT} AND action = 'settlement.final'`,
      );
      const [row] = await store.query<{ seq: number; subject: string }>(
        sql`SELECT seq, subject FROM audit_log WHERE tenant = ${TENANT} AND action = 'settlement.final'`,
      );
      expect(await verifyAudit(store, TENANT)).toMatchObject({ ok: false, seq: Number(row?.seq) });
      await store.close();
      const result = runCli(['audit', 'verify', '--db', db, '--tenant', TENANT]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `audit chain broken at entry ${row?.seq} (settlement.final ${row?.subject}): its content does not match its hash\n`,
      );
    } finally {
      await store.close().catch(() => undefined);
    }
  }, 180_000);
});
