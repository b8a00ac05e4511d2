import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from '../../core/sql/fragment.js';
import type { PostgresStore } from './postgres-store.js';
import { openTestStore } from './test-support/test-server.js';

/**
 * A metric run starts its statements together (query/run-metrics.ts). On the pool they
 * run side by side; in a session they share one connection, where the executor queues
 * them (the driver refuses a second query on a busy client in its next major version).
 */
let store: PostgresStore;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ store, drop } = await openTestStore());
});
afterAll(() => drop?.());

const statements = [5, 4, 3, 2, 1].map(
  (n) => sql`SELECT CAST(${n} AS INTEGER) AS n FROM pg_sleep(${n / 100})`,
);

describe('statements started together', () => {
  it("run one after the other on a session's connection, each with its own answer", async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const answers = await store.withSession({ tenant: 'northwind' }, (session) =>
        Promise.all(statements.map((s) => session.query<{ n: number }>(s))),
      );
      expect(answers.map((rows) => rows[0]?.n)).toEqual([5, 4, 3, 2, 1]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('keep the queue going after a failed statement, and the pool runs them side by side', async () => {
    const failing = store.withSession({ tenant: 'northwind' }, (session) =>
      Promise.all([session.query(sql`SELECT 1 / 0`), session.query(sql`SELECT 1`)]),
    );
    await expect(failing).rejects.toThrow(/division by zero/);
    const pids = sql`SELECT pg_backend_pid() AS pid FROM pg_sleep(0.05)`;
    const answers = await Promise.all([1, 2, 3].map(() => store.query<{ pid: number }>(pids)));
    // Each held its connection while the others started: three connections at once.
    expect(new Set(answers.map((rows) => rows[0]?.pid)).size).toBe(3);
  });
});
