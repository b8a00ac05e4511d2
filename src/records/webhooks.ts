import { UserError } from '../core/issues.js';
import { sql } from '../core/sql/fragment.js';
import type { Executor, Store } from '../store/store.js';
import { appendAudit, currentActor } from './audit.js';
import { checkEventTypes, type EventType, newId } from './outbox.js';

/** Webhook subscriptions: a client's (vendor null) get every event, a vendor's only that vendor's. */
export interface Webhook {
  id: string;
  url: string;
  events: EventType[];
  vendor: string | null;
  createdBy: string;
  createdAt: string;
}

export function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`${url}: not a URL (expected https://host/path)`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || url.length > 2000)
    throw new UserError(`${url}: expected an http or https URL of at most 2000 characters`);
  return parsed.toString();
}

export async function addWebhook(
  store: Store,
  tenant: string,
  w: { url: string; secret: string; events: string[]; vendor?: string | null },
): Promise<Webhook> {
  if (w.secret.length < 16 || w.secret.length > 200)
    throw new UserError('--secret: expected 16 to 200 characters (a random string the receiver also keeps)');
  const hook: Webhook = {
    id: newId('wh'),
    url: checkUrl(w.url),
    events: checkEventTypes(w.events),
    vendor: w.vendor ?? null,
    createdBy: currentActor(),
    createdAt: new Date().toISOString(),
  };
  await store.transaction(async (tx) => {
    await tx.run(sql`INSERT INTO webhooks VALUES (${tenant}, ${hook.id}, ${hook.url}, ${w.secret},
      ${hook.events.join(',')}, ${hook.vendor}, ${hook.createdBy}, ${hook.createdAt}, NULL)`);
    await appendAudit(tx, tenant, {
      action: 'webhook.add',
      subject: hook.id,
      after: hook.id,
      detail: { url: hook.url, events: hook.events, vendor: hook.vendor },
    });
  });
  return hook;
}

interface WebhookRow {
  webhook_id: string;
  url: string;
  events: string;
  vendor: string | null;
  created_by: string;
  created_at: string;
  secret: string;
}

const toHook = (r: WebhookRow): Webhook => ({
  id: r.webhook_id,
  url: r.url,
  events: r.events.split(',') as EventType[],
  vendor: r.vendor,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** Active webhooks; `vendor` given: only that vendor's. */
export async function listWebhooks(tx: Executor, tenant: string, vendor?: string): Promise<Webhook[]> {
  const rows =
    await tx.query<WebhookRow>(sql`SELECT * FROM webhooks WHERE tenant = ${tenant} AND removed_at IS NULL
    ${vendor === undefined ? sql`` : sql`AND vendor = ${vendor}`} ORDER BY created_at, webhook_id`);
  return rows.map(toHook);
}

/** The webhook with its secret (for signing), or an error naming it. */
export async function webhookWithSecret(
  tx: Executor,
  tenant: string,
  id: string,
): Promise<Webhook & { secret: string }> {
  const [row] = await tx.query<WebhookRow>(
    sql`SELECT * FROM webhooks WHERE tenant = ${tenant} AND webhook_id = ${id} AND removed_at IS NULL`,
  );
  if (!row) throw new UserError(`no webhook ${id} (covenant webhook list shows them)`);
  return { ...toHook(row), secret: row.secret };
}

export async function removeWebhook(store: Store, tenant: string, id: string): Promise<void> {
  await store.transaction(async (tx) => {
    await webhookWithSecret(tx, tenant, id);
    await tx.run(
      sql`UPDATE webhooks SET removed_at = ${new Date().toISOString()} WHERE tenant = ${tenant} AND webhook_id = ${id}`,
    );
    await tx.run(
      sql`UPDATE webhook_deliveries SET status = 'cancelled' WHERE tenant = ${tenant} AND webhook_id = ${id} AND status = 'pending'`,
    );
    await appendAudit(tx, tenant, { action: 'webhook.remove', subject: id, before: id });
  });
}

/** A signed `webhook.test` POST, now, outside the outbox: whether the receiver answers 2xx. */
export async function testWebhook(
  store: Store,
  tenant: string,
  id: string,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const hook = await webhookWithSecret(store, tenant, id);
  const body = JSON.stringify({
    id: newId('evt'),
    type: 'webhook.test',
    created: new Date().toISOString(),
    tenant,
    data: { webhook: id },
  });
  const { post } = await import('./deliver.js');
  return post(hook.url, hook.secret, body, 10_000);
}
