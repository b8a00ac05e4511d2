import { afterAll, describe, expect, it } from 'vitest';
import { raw } from '../core/sql/fragment.js';
import { loadDemoRfp } from '../demo/demo-rfp.js';
import { listAudit } from '../records/audit.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { grantApplicationRole } from '../store/postgres/roles.js';
import { APP_ROLE, openTestStore } from '../store/postgres/test-support/test-server.js';
import { silentLogger } from './logger.js';
import { startServer } from './serve.js';
import { addRfpUsers, rfpFlow } from './test-support/rfp-flow.js';

/**
 * Stored RFPs on PostgreSQL, as the application's role under row-level security: the
 * flow of test-support/rfp-flow.ts (the server stopped and started on the same database),
 * and the policies themselves: a vendor's session reads the RFPs it is invited to, its own
 * responses and no scores, whatever the SQL.
 */
const TENANT = 'northwind';
let dropAll: (() => Promise<void>) | undefined;
afterAll(() => dropAll?.());

describe('stored RFPs on PostgreSQL', () => {
  it('runs the RFP flow through a restart, and row-level security keeps vendors apart', async () => {
    const opened = await openTestStore();
    dropAll = opened.drop;
    const owner = opened.store;
    await addRfpUsers(owner, TENANT);
    await grantApplicationRole(owner, APP_ROLE);
    await rfpFlow(
      async () => {
        const store = await PostgresStore.open(opened.db.appUrl, { migrate: false, maxConnections: 4 });
        const running = await startServer(store, { port: 0, deps: { log: silentLogger } });
        return {
          url: running.url,
          close: async () => {
            await running.close(100);
            await store.close();
          },
        };
      },
      () => listAudit(owner, TENANT),
    );

    await loadDemoRfp(owner, TENANT);
    const app = await PostgresStore.open(opened.db.appUrl, { migrate: false, maxConnections: 2 });
    try {
      // Unfiltered SQL: the policies alone decide what a vendor's session reads.
      const count = (vendor: string | undefined, table: string) =>
        app.withSession({ tenant: TENANT, ...(vendor ? { vendor } : {}) }, async (s) =>
          (await s.query<{ v: string }>(raw(`SELECT vendor AS v FROM ${table} ORDER BY 1`))).map((r) => r.v),
        );
      const rfps = (vendor: string | undefined) =>
        app.withSession({ tenant: TENANT, ...(vendor ? { vendor } : {}) }, async (s) =>
          (await s.query<{ id: string }>(raw('SELECT rfp_id AS id FROM rfps ORDER BY 1'))).map((r) => r.id),
        );
      expect(await rfps(undefined)).toEqual([
        'closing-soon',
        'northwind-support-2027',
        'northwind-support-2028',
      ]);
      expect(await rfps('harbourline')).toEqual(['northwind-support-2027']);
      expect(await rfps('oceanic')).toEqual([]);
      expect(await count('coastline', 'rfp_responses')).toEqual(['coastline', 'coastline']);
      expect((await count(undefined, 'rfp_responses')).length).toBe(5);
      expect(await count('coastline', 'rfp_scores')).toEqual([]);
      expect((await count(undefined, 'rfp_scores')).length).toBeGreaterThan(90);
      // Another tenant's client sees none of it.
      expect(
        await app.withSession({ tenant: 'southwind' }, async (s) => s.query(raw('SELECT rfp_id FROM rfps'))),
      ).toEqual([]);
    } finally {
      await app.close();
    }
  }, 240_000);
});
