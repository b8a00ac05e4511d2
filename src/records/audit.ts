import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { userInfo } from 'node:os';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';
import { canonicalJson } from './canonical-json.js';
import { type EventInput, enqueueEvent } from './outbox.js';
import { nextNumber } from './record-numbers.js';

/**
 * The tamper-evident audit log (docs/records.md): one row per state change, appended in
 * the transaction of the change. Each entry's hash is SHA-256 over the previous entry's
 * hash and the entry's canonical JSON, per tenant, so changing, removing or reordering a
 * row breaks the chain from that entry on.
 */

export interface AuditChange {
  /** What happened, e.g. `contract.apply`, `proposal.decided`, `settlement.final`. */
  action: string;
  /** What it happened to: a contract, proposal, settlement, dispute, batch, user, token id. */
  subject: string;
  before?: string | null;
  after?: string | null;
  detail?: Record<string, unknown>;
  /** The webhook and e-mail event this change raises, written to the outbox in the same transaction. */
  event?: EventInput;
}

export interface AuditEntry {
  tenant: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before: string | null;
  after: string | null;
  detail: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);

const actors = new AsyncLocalStorage<string>();

/** Runs fn with `actor` recorded as who made every change inside it (the server sets the user). */
export const withActor = <T>(actor: string, fn: () => T): T => actors.run(actor, fn);

/** The user of a request, or on the command line the operating-system account running it. */
export function currentActor(): string {
  const actor = actors.getStore();
  if (actor) return actor;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export const entryHash = (prevHash: string, entry: AuditEntry): string =>
  createHash('sha256').update(prevHash).update(canonicalJson(entry)).digest('hex');

/** Appends one entry (and its event, if any) inside the caller's transaction. */
export async function appendAudit(tx: Executor, tenant: string, change: AuditChange): Promise<void> {
  // The number first: the counter's row makes concurrent appends take turns (the second waits
  // for the first to commit), so the entry before this one is there to link to. Reading the
  // last entry instead let two transactions take the same number, and one failed.
  const seq = await nextNumber(tx, tenant, 'audit');
  const [last] =
    seq > 1
      ? await tx.query<{ hash: string }>(
          sql`SELECT hash FROM audit_log WHERE tenant = ${tenant} AND seq = ${seq - 1}`,
        )
      : [];
  const entry: AuditEntry = {
    tenant,
    seq,
    at: new Date().toISOString(),
    actor: currentActor(),
    action: change.action,
    subject: change.subject,
    before: change.before ?? null,
    after: change.after ?? null,
    detail: change.detail ?? {},
  };
  const prev = last?.hash ?? GENESIS;
  await tx.run(sql`INSERT INTO audit_log VALUES (${tenant}, ${entry.seq}, ${entry.at}, ${entry.actor},
    ${entry.action}, ${entry.subject}, ${entry.before}, ${entry.after}, ${canonicalJson(entry.detail)}, ${prev},
    ${entryHash(prev, entry)})`);
  if (change.event) await enqueueEvent(tx, tenant, change.event);
}

interface AuditRow {
  tenant: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before_id: string | null;
  after_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  tenant: row.tenant,
  seq: Number(row.seq),
  at: row.at,
  actor: row.actor,
  action: row.action,
  subject: row.subject,
  before: row.before_id,
  after: row.after_id,
  detail: JSON.parse(row.detail) as Record<string, unknown>,
});

const readRows = (tx: Executor, tenant: string, since?: string) =>
  tx.query<AuditRow>(sql`SELECT tenant, seq, occurred_at AS at, actor, action, subject, before_id, after_id,
      CAST(detail AS VARCHAR) AS detail, prev_hash, hash FROM audit_log WHERE tenant = ${tenant}
      ${since === undefined ? sql`` : sql`AND occurred_at >= ${since}`} ORDER BY seq`);

export async function listAudit(
  tx: Executor,
  tenant: string,
  filter: { since?: string } = {},
): Promise<(AuditEntry & { hash: string })[]> {
  const rows = await readRows(tx, tenant, filter.since);
  return rows.map((row) => ({ ...toEntry(row), hash: row.hash }));
}

export type Verification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; seq: number; problem: string };

/** Recomputes the chain; the first entry whose link or hash does not match is named. */
export async function verifyAudit(tx: Executor, tenant: string): Promise<Verification> {
  const rows = await readRows(tx, tenant);
  let prev = GENESIS;
  for (const [index, row] of rows.entries()) {
    const seq = Number(row.seq);
    const what = `entry ${seq} (${row.action} ${row.subject})`;
    const fail = (problem: string): Verification => ({ ok: false, entries: rows.length, seq, problem });
    if (seq !== index + 1) return fail(`${what}: expected entry ${index + 1} here (an entry is missing)`);
    if (row.prev_hash !== prev) return fail(`${what}: its link to the previous entry does not match`);
    if (row.tenant !== tenant || entryHash(prev, toEntry(row)) !== row.hash)
      return fail(`${what}: its content does not match its hash`);
    prev = row.hash;
  }
  return { ok: true, entries: rows.length };
}
