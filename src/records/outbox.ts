import { randomBytes } from 'node:crypto';
import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor } from '../store/store.js';

/** The events webhooks and e-mail carry (docs/records.md). */
export const EVENT_TYPES = [
  'settlement.provisional',
  'settlement.final',
  'proposal.created',
  'proposal.decided',
  'dispute.opened',
  'dispute.updated',
  'dispute.resolved',
  'import.completed',
  'outcome.alert',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventInput {
  type: EventType;
  /**
   * The vendor the event is about: that vendor's webhooks receive it (null: the client's
   * only; left out: the vendor of `data.contract`, if any).
   */
  vendor?: string | null;
  data: Record<string, unknown>;
}

export function checkEventTypes(list: string[]): EventType[] {
  const unknown = list.filter((t) => !(EVENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0 || list.length === 0) {
    throw new UserError(
      `--events ${list.join(',') || '(none)'}: expected a comma-separated list of ${EVENT_TYPES.join(', ')}`,
    );
  }
  return [...new Set(list)] as EventType[];
}

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

/**
 * Writes the event to the outbox in the caller's transaction: it exists if and only if
 * the change committed. The body is fixed here, so every attempt posts the same bytes.
 */
export async function enqueueEvent(tx: Executor, tenant: string, event: EventInput): Promise<string> {
  const id = newId('evt');
  const created = new Date().toISOString();
  const body = JSON.stringify({ id, type: event.type, created, tenant, data: event.data });
  const vendor = event.vendor !== undefined ? event.vendor : await vendorOf(tx, tenant, event.data.contract);
  await tx.run(sql`INSERT INTO outbox_events VALUES (${tenant}, ${id}, ${event.type}, ${vendor},
    ${created}, ${body}, NULL)`);
  return id;
}

async function vendorOf(tx: Executor, tenant: string, contract: unknown): Promise<string | null> {
  if (typeof contract !== 'string') return null;
  const [row] = await tx.query<{ vendor: string | null }>(
    sql`SELECT max(vendor) AS vendor FROM contract_versions WHERE tenant = ${tenant} AND contract_id = ${contract}`,
  );
  return row?.vendor ?? null;
}
