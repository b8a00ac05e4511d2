import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { appendAudit, currentActor } from './audit.js';
import { checkAmount, checkEvidence, checkText } from './dispute-checks.js';
import {
  type Dispute,
  type DisputeRow,
  type Evidence,
  type Message,
  type Party,
  type Resolution,
  toDispute,
} from './dispute-types.js';
import type { EventType } from './outbox.js';
import { nextNumber } from './record-numbers.js';

/**
 * Disputes on settlement lines (docs/records.md). Either party opens one on a line of a
 * stored settlement; the thread holds both parties' messages; the other party accepts
 * (with an agreed amount) or rejects it, or the opener withdraws it. An accepted dispute
 * becomes an adjustment line on the contract's next settlement; the disputed one stays.
 */
export interface DisputeFilter {
  /** A vendor's user sees only the vendor's disputes. */
  vendor?: string;
  contract?: string;
  settlement?: string;
  status?: string;
  id?: string;
}

export async function listDisputes(tx: Executor, tenant: string, f: DisputeFilter = {}): Promise<Dispute[]> {
  const opt = (column: string, value: string | undefined) =>
    value === undefined ? sql`` : { text: ` AND ${column} = ?`, params: [value] };
  const rows = await tx.query<DisputeRow>(sql`SELECT * FROM disputes WHERE tenant = ${tenant}
    ${opt('vendor', f.vendor)}${opt('contract_id', f.contract)}${opt('settlement_id', f.settlement)}
    ${opt('status', f.status)}${opt('dispute_id', f.id)} ORDER BY created_at, dispute_id`);
  return rows.map(toDispute);
}

/** A dispute with its thread; as a vendor, another vendor's dispute does not exist. */
export async function getDispute(
  tx: Executor,
  tenant: string,
  id: string,
  vendor?: string,
): Promise<Dispute> {
  const [found] = await listDisputes(tx, tenant, { id, ...(vendor === undefined ? {} : { vendor }) });
  if (!found) throw new UserError(`no dispute ${id} (covenant dispute list shows them)`);
  const rows = await tx.query<{
    message_no: number;
    at: string;
    author: string;
    party: string;
    kind: string;
    body: string;
    evidence: string;
  }>(
    sql`SELECT message_no, occurred_at AS at, author, party, kind, body, CAST(evidence AS VARCHAR) AS evidence FROM dispute_messages
      WHERE tenant = ${tenant} AND dispute_id = ${id} ORDER BY message_no`,
  );
  const messages = rows.map((r) => ({
    no: Number(r.message_no),
    at: r.at,
    author: r.author,
    party: r.party as Party,
    kind: r.kind as Message['kind'],
    body: r.body,
    evidence: (JSON.parse(r.evidence) as (Message['evidence'][number] & { content?: string })[]).map(
      ({ name, bytes, sha256 }) => ({ name, bytes, sha256 }),
    ),
  }));
  return { ...found, messages };
}

async function addMessage(
  tx: Executor,
  tenant: string,
  d: Dispute,
  m: Omit<Message, 'no' | 'evidence'>,
  evidence: Evidence[],
) {
  const [row] = await tx.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM dispute_messages WHERE tenant = ${tenant} AND dispute_id = ${d.id}`,
  );
  await tx.run(sql`INSERT INTO dispute_messages VALUES (${tenant}, ${d.id}, ${Number(row?.n ?? 0) + 1}, ${m.at},
    ${m.author}, ${m.party}, ${m.kind}, ${m.body}, ${JSON.stringify(checkEvidence(evidence))}, ${d.vendor})`);
}

const eventData = (d: Dispute) => ({
  dispute: d.id,
  contract: d.contract,
  settlement: d.settlement,
  period: d.period,
  line: d.line,
  claimed: d.claimed,
  agreed: d.agreed,
  currency: d.currency,
  status: d.status,
});

async function record(
  tx: Executor,
  tenant: string,
  d: Dispute,
  type: EventType,
  detail: Record<string, unknown>,
) {
  await appendAudit(tx, tenant, {
    action: type,
    subject: d.id,
    after: d.id,
    detail,
    event: { type, vendor: d.vendor, data: eventData(d) },
  });
}

export interface OpenInput {
  settlement: string;
  line: string;
  claimed: string;
  reason: string;
  party: Party;
  evidence?: Evidence[];
}

export async function openDispute(store: Store, tenant: string, input: OpenInput): Promise<Dispute> {
  checkText('reason', input.reason);
  return store.transaction(async (tx) => {
    const [s] = await tx.query<{
      contract_id: string;
      period: string;
      currency: string;
      body: string;
      vendor: string;
    }>(
      sql`SELECT s.contract_id, s.period, s.currency, CAST(s.body AS VARCHAR) AS body,
        (SELECT max(v.vendor) FROM contract_versions v WHERE v.tenant = s.tenant AND v.contract_id = s.contract_id) AS vendor
        FROM settlements s WHERE s.tenant = ${tenant} AND s.settlement_id = ${input.settlement}`,
    );
    if (!s)
      throw new UserError(
        `no settlement ${input.settlement} (covenant settle stores them; its report names the id)`,
      );
    const lines = (
      JSON.parse(s.body) as { invoice: { lines: { id: string; label: string; amount: string }[] } }
    ).invoice.lines;
    const line = lines.find((l) => l.id === input.line);
    if (!line)
      throw new UserError(
        `--line ${input.line}: not a line of ${input.settlement}; its lines are ${lines.map((l) => l.id).join(', ')}`,
      );
    const claimed = checkAmount('--claimed', input.claimed, s.currency);
    const id = `D-${await nextNumber(tx, tenant, 'dispute')}`;
    const at = new Date().toISOString();
    const author = currentActor();
    await tx.run(sql`INSERT INTO disputes VALUES (${tenant}, ${id}, ${s.contract_id}, ${s.vendor}, ${input.settlement},
      ${s.period}, ${line.id}, ${line.label}, CAST(${line.amount} AS DECIMAL(18,4)), CAST(${claimed} AS DECIMAL(18,4)),
      ${s.currency}, ${input.reason}, ${author}, ${input.party}, 'open', NULL, NULL, NULL, ${at}, NULL, NULL)`);
    const d = await getDispute(tx, tenant, id);
    await addMessage(
      tx,
      tenant,
      d,
      { at, author, party: input.party, kind: 'opened', body: input.reason },
      input.evidence ?? [],
    );
    await record(tx, tenant, d, 'dispute.opened', { settlement: d.settlement, line: d.line, claimed });
    return getDispute(tx, tenant, id);
  });
}

export async function commentDispute(
  store: Store,
  tenant: string,
  id: string,
  c: { party: Party; body: string; evidence?: Evidence[]; vendor?: string },
): Promise<Dispute> {
  checkText('comment', c.body);
  return store.transaction(async (tx) => {
    const d = await getDispute(tx, tenant, id, c.vendor);
    if (d.status !== 'open') throw new UserError(`dispute ${id} is ${d.status}: the thread is closed`);
    await addMessage(
      tx,
      tenant,
      d,
      { at: new Date().toISOString(), author: currentActor(), party: c.party, kind: 'comment', body: c.body },
      c.evidence ?? [],
    );
    await record(tx, tenant, d, 'dispute.updated', { party: c.party });
    return getDispute(tx, tenant, id);
  });
}

/**
 * Accepted or rejected by the party that did not open it; withdrawn by the party that did.
 * An accepted dispute needs the agreed amount of the line.
 */
export async function resolveDispute(
  store: Store,
  tenant: string,
  id: string,
  r: { party: Party; outcome: string; agreed?: string; note?: string; vendor?: string },
): Promise<Dispute> {
  if (!['accepted', 'rejected', 'withdrawn'].includes(r.outcome))
    throw new UserError(`--outcome ${r.outcome}: expected accepted, rejected or withdrawn`);
  const outcome = r.outcome as Resolution;
  if (r.note !== undefined) checkText('note', r.note);
  return store.transaction(async (tx) => {
    const d = await getDispute(tx, tenant, id, r.vendor);
    if (d.status !== 'open') throw new UserError(`dispute ${id} is ${d.status} already`);
    if (outcome === 'withdrawn' && r.party !== d.openedParty)
      throw new UserError(`only the ${d.openedParty}, who opened ${id}, withdraws it`);
    if (outcome !== 'withdrawn' && r.party === d.openedParty)
      throw new UserError(`the ${d.openedParty} opened ${id}: the other party accepts or rejects it`);
    if (outcome === 'accepted' && r.agreed === undefined)
      throw new UserError('an accepted dispute needs --agreed <amount>: what the line should have been');
    const agreed = outcome === 'accepted' ? checkAmount('--agreed', r.agreed as string, d.currency) : null;
    const at = new Date().toISOString();
    const author = currentActor();
    await tx.run(sql`UPDATE disputes SET status = ${outcome}, agreed = CAST(${agreed} AS DECIMAL(18,4)),
      resolved_by = ${author}, resolved_at = ${at} WHERE tenant = ${tenant} AND dispute_id = ${id}`);
    const body = r.note ?? (agreed === null ? outcome : `accepted at ${agreed} ${d.currency}`);
    await addMessage(tx, tenant, d, { at, author, party: r.party, kind: outcome, body }, []);
    const after = await getDispute(tx, tenant, id);
    await record(tx, tenant, after, 'dispute.resolved', { outcome, agreed });
    return after;
  });
}

export { checkParty } from './dispute-checks.js';
export { acceptedFor, evidenceFile, markApplied, storedSettlements } from './dispute-settlements.js';
export * from './dispute-types.js';
