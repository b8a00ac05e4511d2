import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS } from '../migrations/migrate.js';
import { PostgresStore } from './postgres-store.js';
import { createTestDatabase, type TestDatabase } from './test-support/test-server.js';

/**
 * Upgrades with more than one server (docs/deploy.md): processes that start together on
 * an empty database migrate it once, one after the other (pg_advisory_lock), and all open.
 * Without the lock the second would create the same tables and fail.
 */
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const db of databases) await db.drop();
});

describe('migrations on PostgreSQL', () => {
  it('run once when three servers start together on an empty database', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(db.ownerUrl)));
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: db.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number; n: string }>(
        'SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(ALL_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      // The lock is released: nobody holds it once the servers are open.
      const held = await client.query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory'");
      expect(Number(held.rows[0].n)).toBe(0);
    } finally {
      await client.end();
    }
  }, 240_000);
});
