import { describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/import-file.js';
import { INTERACTION_HEADER, interaction } from '../../test-support/fixtures.js';
import { failingAfterWrite, rowsOf, write } from './import-fixtures.js';
import type { SuiteContext } from './suite-context.js';

/**
 * The facts the import keeps on contacts (migration 5): each contact's gap to its
 * customer's previous and next contact on the workflow, over every vendor. After any
 * sequence of imports they are what a window over all the stored contacts gives.
 */
const STORED = `SELECT interaction_id, prev_gap_seconds AS prev, next_gap_seconds AS next
  FROM interactions WHERE tenant = $TENANT ORDER BY interaction_id`;
const RECOMPUTED = `SELECT interaction_id,
    CASE WHEN customer_id IS NULL THEN NULL ELSE prev END AS prev,
    CASE WHEN customer_id IS NULL THEN NULL ELSE next END AS next
  FROM (SELECT interaction_id, customer_id,
      (epoch_ms(started_at) - epoch_ms(lag(started_at) OVER w)) / 1000.0 AS prev,
      (epoch_ms(lead(started_at) OVER w) - epoch_ms(started_at)) / 1000.0 AS next
    FROM interactions WHERE tenant = $TENANT
    WINDOW w AS (PARTITION BY customer_id, workflow ORDER BY started_at, interaction_id)) x
  ORDER BY interaction_id`;

const at = (day: number, hour = 10) => `2026-03-${String(day).padStart(2, '0')}T${hour}:00:00Z`;

export function factsConformance(ctx: SuiteContext): void {
  describe('contact facts kept by the import', () => {
    const tenant = 'facts';
    const file = (name: string, lines: string[]) =>
      write(ctx, name, [INTERACTION_HEADER, ...lines].join('\n'));
    const expectRecomputed = () => rowsOf(ctx.store(), STORED, tenant);

    it('gaps span vendors, follow replaced rows to another customer, and roll back with a failed import', async () => {
      const store = ctx.store();
      await importFile(
        store,
        'interactions',
        file('facts-1.csv', [
          interaction('f1', { started_at: at(1), vendor: 'brightpath', customer_id: 'k1' }),
          interaction('f2', { started_at: at(3), vendor: 'coastline', customer_id: 'k1' }),
          interaction('f3', {
            started_at: at(3),
            vendor: 'brightpath',
            customer_id: 'k1',
            workflow: 'chargeback',
          }),
          interaction('f4', { started_at: at(20), vendor: 'brightpath', customer_id: '' }),
        ]),
        { tenant },
      );
      expect(await expectRecomputed()).toEqual([
        { interaction_id: 'f1', prev: null, next: 2 * 86400 },
        { interaction_id: 'f2', prev: 2 * 86400, next: null },
        { interaction_id: 'f3', prev: null, next: null },
        { interaction_id: 'f4', prev: null, next: null },
      ]);
      // f2 moves to another customer (both partitions recomputed); f5 lands between f1 and nothing.
      await importFile(
        store,
        'interactions',
        file('facts-2.csv', [
          interaction('f2', { started_at: at(3), vendor: 'coastline', customer_id: 'k2' }),
          interaction('f5', { started_at: at(2, 12), vendor: 'coastline', customer_id: 'k1' }),
        ]),
        { tenant },
      );
      const second = [
        { interaction_id: 'f1', prev: null, next: 86400 + 7200 },
        { interaction_id: 'f2', prev: null, next: null },
        { interaction_id: 'f3', prev: null, next: null },
        { interaction_id: 'f4', prev: null, next: null },
        { interaction_id: 'f5', prev: 86400 + 7200, next: null },
      ];
      expect(await expectRecomputed()).toEqual(second);
      await expect(
        importFile(
          failingAfterWrite(store),
          'interactions',
          file('facts-3.csv', [interaction('f6', { started_at: at(1, 11), customer_id: 'k1' })]),
          { tenant },
        ),
      ).rejects.toThrow(/simulated failure/);
      expect(await expectRecomputed()).toEqual(second);
      // Imported again unchanged: nothing moves.
      await importFile(
        store,
        'interactions',
        file('facts-2b.csv', [
          interaction('f2', { started_at: at(3), vendor: 'coastline', customer_id: 'k2' }),
          interaction('f5', { started_at: at(2, 12), vendor: 'coastline', customer_id: 'k1' }),
        ]),
        { tenant },
      );
      expect(await expectRecomputed()).toEqual(second);
    });

    it('equal a window over all the stored contacts of the March data', async () => {
      const reference = await rowsOf(ctx.reference(), RECOMPUTED, 'contacts');
      expect(reference.length).toBeGreaterThan(10);
      expect(await rowsOf(ctx.store(), STORED, 'contacts')).toEqual(reference);
    });
  });
}
