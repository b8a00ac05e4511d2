import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/**
 * The next number of a tenant's records of one kind (disputes: D-1, D-2, ...), from a counter
 * every party's session may advance (migration 152). Counting the records a session can see
 * would not do: a vendor's session sees only its own. Two writers take turns on the row.
 */
export async function nextNumber(tx: Executor, tenant: string, kind: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    sql`INSERT INTO record_numbers VALUES (${tenant}, ${kind}, 1)
      ON CONFLICT (tenant, kind) DO UPDATE SET last_number = record_numbers.last_number + 1
      RETURNING last_number AS n`,
  );
  return Number(row?.n);
}
