import type { AcceptedDispute } from '../core/settlement/adjustments.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';
import { type DisputeRow, toDispute } from './disputes.js';

/**
 * Accepted disputes a settlement of `period` carries: those it carried already (a re-run
 * or the final after the provisional) and those not yet carried on a period after theirs.
 */
export async function acceptedFor(
  tx: Executor,
  tenant: string,
  contract: string,
  period: string,
): Promise<AcceptedDispute[]> {
  const rows =
    await tx.query<DisputeRow>(sql`SELECT * FROM disputes WHERE tenant = ${tenant} AND contract_id = ${contract}
    AND status = 'accepted' AND (applied_period = ${period} OR (applied_period IS NULL AND period < ${period}))
    ORDER BY created_at, dispute_id`);
  return rows.map(toDispute).map((d) => ({
    id: d.id,
    settlement: d.settlement,
    period: d.period,
    line: d.line,
    lineLabel: d.lineLabel,
    original: d.lineAmount,
    agreed: d.agreed as string,
  }));
}

/** In the transaction that stores the settlement carrying them. */
export async function markApplied(
  tx: Executor,
  tenant: string,
  ids: string[],
  period: string,
  settlement: string,
) {
  for (const id of ids)
    await tx.run(sql`UPDATE disputes SET applied_period = ${period}, applied_settlement = ${settlement}
      WHERE tenant = ${tenant} AND dispute_id = ${id} AND (applied_period IS NULL OR applied_period = ${period})`);
}

/** The stored settlements of a contract (and period), newest last: what a dispute can be opened on. */
export async function storedSettlements(tx: Executor, tenant: string, contract: string, period?: string) {
  const rows = await tx.query<{
    settlement_id: string;
    period: string;
    kind: string;
    currency: string;
    body: string;
    created_at: string;
  }>(
    sql`SELECT settlement_id, period, kind, currency, CAST(body AS VARCHAR) AS body, CAST(created_at AS VARCHAR) AS created_at
      FROM settlements WHERE tenant = ${tenant} AND contract_id = ${contract}
      ${period === undefined ? sql`` : sql`AND period = ${period}`} ORDER BY created_at, settlement_id`,
  );
  return rows.map((r) => {
    const invoice = (
      JSON.parse(r.body) as {
        invoice: { total: string; lines: { id: string; label: string; amount: string; kind: string }[] };
      }
    ).invoice;
    return {
      id: r.settlement_id,
      period: r.period,
      kind: r.kind,
      currency: r.currency,
      total: invoice.total,
      createdAt: r.created_at,
      lines: invoice.lines.map((l) => ({ id: l.id, label: l.label, amount: l.amount, kind: l.kind })),
    };
  });
}

/** The bytes of one evidence file of a dispute's message (null when there is none by that name). */
export async function evidenceFile(
  tx: Executor,
  tenant: string,
  id: string,
  messageNo: number,
  name: string,
): Promise<Buffer | null> {
  const [row] = await tx.query<{ evidence: string }>(
    sql`SELECT CAST(evidence AS VARCHAR) AS evidence FROM dispute_messages
      WHERE tenant = ${tenant} AND dispute_id = ${id} AND message_no = ${messageNo}`,
  );
  const files = row ? (JSON.parse(row.evidence) as { name: string; content: string }[]) : [];
  const file = files.find((f) => f.name === name);
  return file ? Buffer.from(file.content, 'base64') : null;
}
