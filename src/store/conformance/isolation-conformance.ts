import { describe, expect, it } from 'vitest';
import { sql } from '../../core/sql/fragment.js';
import { storeStatus } from '../../ingest/store-status.js';
import { runQuery } from '../../query/run-query.js';
import { nextNumber } from '../../records/record-numbers.js';
import { withWindows } from '../../test-support/text-query.js';
import { TENANTS } from './conformance-data.js';
import type { SuiteContext } from './suite-context.js';

export interface IsolationOptions {
  /**
   * Whether the store enforces sessions in the database (PostgreSQL's row-level security).
   * Without it (DuckDB) a session scopes nothing and the queries' own tenant filters are
   * the isolation: the suite checks that this is so, so the difference stays visible.
   */
  rowLevelSecurity: boolean;
}

const distinct = async (rows: Promise<Record<string, unknown>[]>, column: string) =>
  (await rows).map((row) => row[column]);

/** Tenants apart in every query; a vendor's session limited to the vendor's rows where the store enforces it. */
export function isolationConformance(ctx: SuiteContext, options: IsolationOptions): void {
  describe('isolation', () => {
    it("keeps one tenant's rows out of another tenant's queries and status", async () => {
      const contacts = (tenant: string) =>
        runQuery(
          ctx.store(),
          withWindows({
            metrics: ['contacts'],
            tenant,
            period: '2026-03',
            zone: 'Europe/Lisbon',
            where: {},
            by: [],
            params: {},
            minN: 1,
            asOf: '2026-12-01T00:00:00Z',
          }),
        );
      expect((await contacts(TENANTS.contacts))[0]).toMatchObject({ value: 12, n: 12 });
      expect((await contacts(TENANTS.qa))[0]).toMatchObject({ value: 12 });
      expect((await contacts('nobody'))[0]).toMatchObject({ value: 0, n: 0 });
      const status = await storeStatus(ctx.store(), TENANTS.qa);
      expect(status.datasets.filter((d) => d.rows > 0).map((d) => [d.dataset, d.rows])).toEqual([
        ['interactions', 12],
        ['qa_reviews', 45],
      ]);
    });

    it("limits a tenant's session to the tenant's rows", async () => {
      const tenants = await ctx
        .store()
        .withSession({ tenant: TENANTS.contacts }, (session) =>
          distinct(session.query(sql`SELECT DISTINCT tenant FROM interactions ORDER BY tenant`), 'tenant'),
        );
      if (options.rowLevelSecurity) expect(tenants).toEqual([TENANTS.contacts]);
      else expect(tenants.length).toBeGreaterThan(1);
    });

    it("limits a vendor's session to the vendor's rows, whatever the SQL asks", async () => {
      const store = ctx.store();
      const session = { tenant: TENANTS.contacts, vendor: 'coastline' };
      const vendors = await store.withSession(session, (s) =>
        distinct(s.query(sql`SELECT DISTINCT vendor FROM interactions ORDER BY vendor`), 'vendor'),
      );
      // April in Lisbon: brightpath's i15 (31 March 23:30Z) and coastline's i07.
      const april = await store.withSession(session, (s) =>
        runQuery(
          s,
          withWindows({
            metrics: ['contacts'],
            tenant: TENANTS.contacts,
            period: '2026-04',
            zone: 'Europe/Lisbon',
            where: {},
            by: ['vendor'],
            params: {},
            minN: 1,
            asOf: '2026-12-01T00:00:00Z',
          }),
        ),
      );
      const customers = await store.withSession(session, (s) =>
        distinct(s.query(sql`SELECT customer_id FROM customers ORDER BY customer_id`), 'customer_id'),
      );
      if (options.rowLevelSecurity) {
        expect(vendors).toEqual(['coastline']);
        expect(april.map((r) => [r.group.vendor, r.value])).toEqual([['coastline', 1]]);
        // Only the customers coastline served (c4, through i07).
        expect(customers).toEqual(['c4']);
      } else {
        expect(vendors).toEqual(['brightpath', 'coastline']);
        expect(april.map((r) => [r.group.vendor, r.value])).toEqual([
          ['brightpath', 1],
          ['coastline', 1],
        ]);
        expect(customers.length).toBeGreaterThan(1);
      }
    });

    it("numbers a vendor's record after other vendors', and keeps its thread to its session", async () => {
      const store = ctx.store();
      const tenant = TENANTS.contacts;
      // As openDispute does in the opening party's session (records/disputes.ts).
      const open = (vendor: string) =>
        store.withSession({ tenant, vendor }, async (s) => {
          const id = `C-${await nextNumber(s, tenant, 'conformance')}`;
          await s.run(sql`INSERT INTO dispute_messages VALUES (${tenant}, ${id}, 1, '2026-05-01T00:00:00Z',
            ${`ops@${vendor}.example`}, 'vendor', 'opened', 'a reason', '[]', ${vendor})`);
          const [own] = await s.query<{ n: number }>(
            sql`SELECT count(*) AS n FROM dispute_messages WHERE tenant = ${tenant} AND dispute_id = ${id}`,
          );
          return { id, own: Number(own?.n) };
        });
      const first = await open('coastline');
      const second = await open('brightpath');
      expect([first.own, second.own]).toEqual([1, 1]);
      expect(Number(second.id.slice(2))).toBe(Number(first.id.slice(2)) + 1);
      const seen = await store.withSession({ tenant, vendor: 'coastline' }, (s) =>
        distinct(
          s.query(
            sql`SELECT dispute_id FROM dispute_messages WHERE tenant = ${tenant} AND dispute_id LIKE 'C-%'`,
          ),
          'dispute_id',
        ),
      );
      expect(seen.sort()).toEqual(options.rowLevelSecurity ? [first.id] : [first.id, second.id].sort());
    });
  });
}
