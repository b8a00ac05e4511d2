import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../core/sql/fragment.js';
import { migrate } from '../store/migrations/migrate.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { grantApplicationRole } from '../store/postgres/roles.js';
import { createTestDatabase, openTestStore } from '../store/postgres/test-support/test-server.js';
import { appendAudit, listAudit, verifyAudit } from './audit.js';
import { deliverOnce } from './deliver.js';
import { addWebhook } from './webhooks.js';

/**
 * On PostgreSQL the application's role (not the tables' owner) can only append to the
 * audit log: INSERT and SELECT; UPDATE, DELETE and TRUNCATE are refused, and a trigger
 * refuses them to the owner too. The chain verifies on PostgreSQL as on DuckDB.
 */
let owner: PostgresStore;
let app: PostgresStore;
let drop: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestStore();
  owner = opened.store;
  drop = opened.drop;
  await grantApplicationRole(owner, 'covenant_app');
  app = await PostgresStore.open(opened.db.appUrl, { migrate: false });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe('the audit log on PostgreSQL', () => {
  it('numbers concurrent appends one after the other, each linked to the entry before it', async () => {
    const tenant = 'concurrent';
    // The first append's transaction stays open while the second appends.
    const append = (subject: string, holdSeconds: number) =>
      app.withSession({ tenant }, async (s) => {
        await appendAudit(s, tenant, { action: 'contract.version', subject });
        await s.run(sql`SELECT pg_sleep(${holdSeconds})`);
      });
    const first = append('first', 0.5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await Promise.all([first, append('second', 0)]);
    const entries = await app.withSession({ tenant }, (s) => listAudit(s, tenant));
    expect(entries.map((e) => [e.seq, e.subject])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(await app.withSession({ tenant }, (s) => verifyAudit(s, tenant))).toEqual({
      ok: true,
      entries: 2,
    });
  });

  it('lets the application role insert and read, and nothing else', async () => {
    await app.withSession({ tenant: 'northwind' }, async (s) => {
      await appendAudit(s, 'northwind', {
        action: 'contract.version',
        subject: 'c1',
        after: 'c1 v1',
        detail: { n: 1 },
      });
      await appendAudit(s, 'northwind', {
        action: 'webhook.add',
        subject: 'wh_1',
        event: { type: 'outcome.alert', vendor: null, data: { contract: 'c1' } },
      });
      expect((await listAudit(s, 'northwind')).map((e) => e.seq)).toEqual([1, 2]);
    });
    for (const statement of [
      sql`UPDATE audit_log SET actor = 'x'`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
    ]) {
      await expect(app.withSession({ tenant: 'northwind' }, (s) => s.run(statement))).rejects.toThrow(
        /permission denied/,
      );
    }
    // The owner is refused too, by the trigger.
    await expect(owner.run(sql`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
    await expect(owner.run(sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    const [grants] = await owner.query<{
      privileges: string;
    }>(sql`SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
      FROM information_schema.role_table_grants WHERE table_name = 'audit_log' AND grantee = 'covenant_app'`);
    expect(grants?.privileges).toBe('INSERT,SELECT');
    expect(await verifyAudit(owner, 'northwind')).toEqual({ ok: true, entries: 2 });
  });

  it('fans the outbox out to the webhooks on PostgreSQL', async () => {
    await addWebhook(owner, 'northwind', {
      url: 'http://127.0.0.1:9/none',
      secret: 'sixteen-chars-secret',
      events: ['settlement.final'],
    });
    await owner.transaction((tx) =>
      appendAudit(tx, 'northwind', {
        action: 'settlement.final',
        subject: 's1',
        event: { type: 'settlement.final', vendor: 'brightpath', data: { contract: 'c1' } },
      }),
    );
    const summary = await deliverOnce(owner, { timeoutMs: 1000 });
    expect(summary).toMatchObject({ attempted: 1, delivered: 0 });
    expect(await verifyAudit(owner, 'northwind')).toEqual({ ok: true, entries: 4 });
    // The server's pass: the application's role, in sessions scoped to its tenant.
    await app.withSession({ tenant: 'northwind', vendor: 'brightpath' }, (s) =>
      appendAudit(s, 'northwind', {
        action: 'dispute.opened',
        subject: 'D-1',
        event: { type: 'settlement.final', vendor: 'brightpath', data: {} },
      }),
    );
    expect(await deliverOnce(app, { tenant: 'northwind', timeoutMs: 1000 })).toMatchObject({
      dispatched: 1,
      attempted: 1,
    });
  });

  it('keeps INSERT and SELECT only for a role given default privileges before the migration', async () => {
    const db = await createTestDatabase();
    const early = await PostgresStore.open(db.ownerUrl, { migrate: false });
    try {
      await grantApplicationRole(early, 'covenant_app');
      await migrate(early);
      const [grants] = await early.query<{
        privileges: string;
      }>(sql`SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
        FROM information_schema.role_table_grants WHERE table_name = 'audit_log' AND grantee = 'covenant_app'`);
      expect(grants?.privileges).toBe('INSERT,SELECT');
    } finally {
      await early.close();
      await db.drop();
    }
  });
});
