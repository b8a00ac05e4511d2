import type { CombinedInvoice } from '../core/settlement/true-up.js';
import type { Settlement } from '../core/settlement/types.js';
import { sql } from '../core/sql/fragment.js';
import { appendAudit } from '../records/audit.js';
import { markApplied } from '../records/disputes.js';
import type { Store } from '../store/store.js';

interface StoredBody {
  invoice: Settlement | CombinedInvoice;
  parts: Settlement[];
}

/**
 * Settlements are kept, one row per distinct result: re-running a settlement that gives
 * the same invoice adds nothing and says it reproduced the stored one.
 */
export async function saveSettlement(
  store: Store,
  tenant: string,
  s: { contractId: string; period: string; kind: string; disputes?: string[] } & StoredBody,
): Promise<{ id: string; reproduced: boolean }> {
  const body = JSON.stringify({ invoice: s.invoice, parts: s.parts });
  return store.transaction(async (tx) => {
    const rows = await tx.query<{ settlement_id: string; body: string }>(
      sql`SELECT settlement_id, CAST(body AS VARCHAR) AS body FROM settlements WHERE tenant = ${tenant}
          AND contract_id = ${s.contractId} AND period = ${s.period} AND kind = ${s.kind} ORDER BY created_at`,
    );
    const same = rows.find((row) => JSON.stringify(JSON.parse(row.body)) === body);
    if (same) return { id: same.settlement_id, reproduced: true };
    const id = `${s.contractId}/${s.period}/${s.kind}/${rows.length + 1}`;
    await tx.run(sql`INSERT INTO settlements VALUES (${tenant}, ${id}, ${s.contractId}, ${s.period}, ${s.kind},
      CAST(${s.invoice.total} AS DECIMAL(18,4)), ${s.invoice.currency}, ${body}, CURRENT_TIMESTAMP)`);
    await markApplied(tx, tenant, s.disputes ?? [], s.period, id);
    await appendAudit(tx, tenant, {
      action: `settlement.${s.kind}`,
      subject: id,
      before: rows.at(-1)?.settlement_id ?? null,
      after: id,
      detail: { total: s.invoice.total, currency: s.invoice.currency },
      event: {
        type: s.kind === 'final' ? 'settlement.final' : 'settlement.provisional',
        data: {
          settlement: id,
          contract: s.contractId,
          period: s.period,
          kind: s.kind,
          total: s.invoice.total,
          currency: s.invoice.currency,
        },
      },
    });
    return { id, reproduced: false };
  });
}

export async function findSettlement(
  store: Store,
  tenant: string,
  contractId: string,
  period: string,
  kind: string,
): Promise<({ id: string } & StoredBody) | null> {
  const [row] = await store.query<{ settlement_id: string; body: string }>(
    sql`SELECT settlement_id, CAST(body AS VARCHAR) AS body FROM settlements WHERE tenant = ${tenant}
        AND contract_id = ${contractId} AND period = ${period} AND kind = ${kind} ORDER BY created_at DESC LIMIT 1`,
  );
  return row ? { id: row.settlement_id, ...(JSON.parse(row.body) as StoredBody) } : null;
}
