import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/issues.js';
import { sql } from '../../core/sql/fragment.js';
import { importFile } from '../../ingest/import-file.js';
import { storeStatus } from '../../ingest/store-status.js';
import { INTERACTION_HEADER, interaction } from '../../test-support/fixtures.js';
import { failingAfterWrite, rowsOf, write } from './import-fixtures.js';
import type { SuiteContext } from './suite-context.js';

/** The import seam on every store: validation, rejects, idempotency, replace, all or nothing. */
export function importConformance(ctx: SuiteContext): void {
  const mixed = (c: SuiteContext) =>
    write(
      c,
      'mixed.csv',
      [
        `${INTERACTION_HEADER},note`,
        `${interaction('i1')},"kept, aside"`,
        `${interaction('i2', { channel: 'fax', csat: '7' })},x`,
        `${interaction('i3', { started_at: '2026-03-02 09:17:00' })},"two`,
        'lines"',
        `${interaction('i4', { closed_at: '2026-03-01T00:00:00Z', revenue: '1.123456' })},y`,
        `${interaction('i5', { revenue: '12.50', offer: 'accepted', error: 'yes' })},z`,
      ].join('\n'),
    );

  describe('import', () => {
    it('returns values in the store-wide conventions', async () => {
      const [row] = await ctx.store().query(
        sql`SELECT CAST(1 AS BIGINT) AS big, CAST(7 AS INTEGER) AS small, CAST('12.5' AS DECIMAL(18,4)) AS money,
          CAST('2026-03-02T09:15:00.5Z' AS TIMESTAMPTZ) AS instant, CAST('2026-03-02' AS DATE) AS day,
          true AS yes, CAST(NULL AS VARCHAR) AS nothing, CAST(1.5 AS DOUBLE PRECISION) AS float,
          CAST(${'x'} AS VARCHAR) AS bound, count(*) AS n FROM (SELECT 1 AS one) t`,
      );
      expect(row).toEqual({
        big: 1,
        small: 7,
        money: '12.5000',
        instant: '2026-03-02T09:15:00.5Z',
        day: '2026-03-02',
        yes: true,
        nothing: null,
        float: 1.5,
        bound: 'x',
        n: 1,
      });
    });

    it('keeps the good rows and rejects the bad with line, column and reason', async () => {
      const store = ctx.store();
      const tenant = 'imp-mixed';
      const summary = await importFile(store, 'interactions', mixed(ctx), { tenant });
      expect(summary).toMatchObject({ read: 5, accepted: 2, rejected: 3, replaced: 0, inserted: 2 });
      expect(summary.extraColumns).toEqual(['note']);
      expect(
        await rowsOf(
          store,
          'SELECT line, "column", value, reason FROM import_rejects WHERE tenant = $TENANT ORDER BY reject_no',
          tenant,
        ),
      ).toEqual([
        { line: 3, column: 'channel', value: 'fax', reason: 'expected one of voice, chat, email, messaging' },
        { line: 3, column: 'csat', value: '7', reason: 'expected a whole number from 1 to 5' },
        expect.objectContaining({
          line: 4,
          column: 'started_at',
          reason: expect.stringContaining('no UTC offset'),
        }),
        expect.objectContaining({
          line: 6,
          column: 'closed_at',
          reason: expect.stringContaining('before started_at'),
        }),
        expect.objectContaining({ line: 6, column: 'revenue', value: '1.123456' }),
      ]);
      expect(
        await rowsOf(
          store,
          'SELECT interaction_id, started_at, closed_at, queue_seconds, csat, revenue, offer, error, extra, batch_id FROM interactions WHERE tenant = $TENANT ORDER BY interaction_id',
          tenant,
        ),
      ).toEqual([
        {
          interaction_id: 'i1',
          started_at: '2026-03-02T09:15:00Z',
          closed_at: null,
          queue_seconds: 12,
          csat: 5,
          revenue: '0.0000',
          offer: 'none',
          error: false,
          extra: '{"note":"kept, aside"}',
          batch_id: 1,
        },
        {
          interaction_id: 'i5',
          started_at: '2026-03-02T09:15:00Z',
          closed_at: null,
          queue_seconds: 12,
          csat: 5,
          revenue: '12.5000',
          offer: 'accepted',
          error: true,
          extra: '{"note":"z"}',
          batch_id: 1,
        },
      ]);
      const status = await storeStatus(store, tenant, { batch: 1 });
      expect(status.datasets.find((d) => d.dataset === 'interactions')).toEqual({
        dataset: 'interactions',
        rows: 2,
        from: '2026-03-02 09:15:00+00',
        to: '2026-03-02 09:15:00+00',
      });
      expect(status.imports).toMatchObject([{ batch_id: 1, read: 5, accepted: 2, rejected: 3, replaced: 0 }]);
      expect(status.rejects).toHaveLength(5);
    });

    it('changes nothing when the same file is imported again', async () => {
      const store = ctx.store();
      const tenant = 'imp-again';
      const file = mixed(ctx);
      await importFile(store, 'interactions', file, { tenant });
      const select = 'SELECT * FROM interactions WHERE tenant = $TENANT ORDER BY interaction_id';
      const before = await rowsOf(store, select, tenant);
      const again = await importFile(store, 'interactions', file, { tenant });
      expect(again).toMatchObject({
        read: 5,
        accepted: 2,
        replaced: 0,
        inserted: 0,
        unchanged: 2,
        batchId: 2,
      });
      expect(await rowsOf(store, select, tenant)).toEqual(before);
    });

    it('replaces a stored row whose id comes back with other values', async () => {
      const store = ctx.store();
      const tenant = 'imp-replace';
      const first = write(
        ctx,
        'v1.csv',
        [INTERACTION_HEADER, interaction('r1'), interaction('r2')].join('\n'),
      );
      const second = write(
        ctx,
        'v2.csv',
        [INTERACTION_HEADER, interaction('r1', { csat: '2' }), interaction('r2'), interaction('r3')].join(
          '\n',
        ),
      );
      await importFile(store, 'interactions', first, { tenant });
      const summary = await importFile(store, 'interactions', second, { tenant });
      expect(summary).toMatchObject({ read: 3, accepted: 3, replaced: 1, inserted: 2, unchanged: 1 });
      expect(
        await rowsOf(
          store,
          'SELECT interaction_id, csat, batch_id FROM interactions WHERE tenant = $TENANT ORDER BY 1',
          tenant,
        ),
      ).toEqual([
        { interaction_id: 'r1', csat: 2, batch_id: 2 },
        { interaction_id: 'r2', csat: 5, batch_id: 1 },
        { interaction_id: 'r3', csat: 5, batch_id: 2 },
      ]);
    });

    it('rejects both rows of an id repeated in one file, each naming the other line', async () => {
      const file = write(
        ctx,
        'dup.csv',
        [INTERACTION_HEADER, interaction('d1'), interaction('d2'), interaction('d1', { csat: '1' })].join(
          '\r\n',
        ),
      );
      const summary = await importFile(ctx.store(), 'interactions', file, { tenant: 'imp-dup' });
      expect(summary).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
      expect(summary.rejects.map((r) => [r.line, r.reason])).toEqual([
        [2, 'the same interaction_id appears more than once in this file (also line 4)'],
        [4, 'the same interaction_id appears more than once in this file (also line 2)'],
      ]);
    });

    it('reads local times with a time zone into UTC instants', async () => {
      const store = ctx.store();
      const tenant = 'imp-zone';
      const text = `\uFEFF${[
        INTERACTION_HEADER,
        interaction('z1', { started_at: '2026-07-01 10:00:00', workflow: '"a,b"' }),
        interaction('z2', { started_at: '2026-01-15T10:00' }),
      ].join('\r\n')}\r\n`;
      await importFile(store, 'interactions', write(ctx, 'bom.csv', text), {
        tenant,
        timezone: 'Europe/Lisbon',
      });
      expect(
        await rowsOf(
          store,
          'SELECT workflow, started_at FROM interactions WHERE tenant = $TENANT ORDER BY 1',
          tenant,
        ),
      ).toEqual([
        { workflow: 'a,b', started_at: '2026-07-01T09:00:00Z' },
        { workflow: 'card_dispute', started_at: '2026-01-15T10:00:00Z' },
      ]);
    });

    it('is all or nothing: a failure inside the write leaves the store as it was', async () => {
      const store = ctx.store();
      const tenant = 'imp-atomic';
      const first = write(
        ctx,
        'a1.csv',
        [INTERACTION_HEADER, interaction('k1'), interaction('k2')].join('\n'),
      );
      await importFile(store, 'interactions', first, { tenant });
      const snapshot = async () => ({
        rows: await rowsOf(
          store,
          'SELECT * FROM interactions WHERE tenant = $TENANT ORDER BY interaction_id',
          tenant,
        ),
        batches: await rowsOf(store, 'SELECT batch_id FROM import_batches WHERE tenant = $TENANT', tenant),
        rejects: await rowsOf(
          store,
          'SELECT count(*) AS n FROM import_rejects WHERE tenant = $TENANT',
          tenant,
        ),
      });
      const before = await snapshot();
      // Replaces k1, adds k3, rejects a row, then fails after every load statement ran.
      const second = write(
        ctx,
        'a2.csv',
        [
          INTERACTION_HEADER,
          interaction('k1', { csat: '1' }),
          interaction('k3'),
          interaction('k4', { csat: '9' }),
        ].join('\n'),
      );
      await expect(importFile(failingAfterWrite(store), 'interactions', second, { tenant })).rejects.toThrow(
        /simulated failure/,
      );
      expect(await snapshot()).toEqual(before);
      // The same file then imports whole.
      expect(await importFile(store, 'interactions', second, { tenant })).toMatchObject({
        accepted: 2,
        rejected: 1,
        replaced: 1,
        inserted: 2,
        batchId: 2,
      });
    });

    it('refuses a file that is not the format and writes nothing', async () => {
      const store = ctx.store();
      const tenant = 'imp-refused';
      const file = write(ctx, 'wrong.csv', 'id,when\n1,2\n');
      await expect(importFile(store, 'interactions', file, { tenant })).rejects.toBeInstanceOf(UserError);
      expect(
        await rowsOf(store, 'SELECT count(*) AS n FROM import_batches WHERE tenant = $TENANT', tenant),
      ).toEqual([{ n: 0 }]);
    });

    it('keeps tenants apart: the same id in two tenants is two rows', async () => {
      const store = ctx.store();
      const file = write(ctx, 't.csv', [INTERACTION_HEADER, interaction('x1')].join('\n'));
      await importFile(store, 'interactions', file, { tenant: 'imp-north' });
      await importFile(store, 'interactions', file, { tenant: 'imp-south' });
      expect(
        await store.query(
          sql`SELECT tenant, batch_id FROM interactions WHERE interaction_id = 'x1' AND tenant LIKE 'imp-%' ORDER BY tenant`,
        ),
      ).toEqual([
        { tenant: 'imp-north', batch_id: 1 },
        { tenant: 'imp-south', batch_id: 1 },
      ]);
    });
  });
}
