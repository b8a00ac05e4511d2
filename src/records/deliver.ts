import { sql } from '../core/sql/fragment.js';
import type { Store } from '../store/store.js';
import { appendAudit } from './audit.js';
import { deliverMails, type Mailer, mailsFor } from './mail-outbox.js';
import { signatureHeader } from './signature.js';

/**
 * The outbox's delivery pass (docs/records.md): new events fan out to the webhooks
 * subscribed when they happened (a vendor's webhooks only to that vendor's events) and to
 * the e-mail of opted-in people; then every due delivery is attempted. A non-2xx answer or
 * a timeout schedules the next attempt after BACKOFF_SECONDS: 7 attempts over 1 h 47 min.
 * At least once: a receiver deduplicates on the event id, which every attempt repeats.
 */
export const BACKOFF_SECONDS = [5, 30, 120, 600, 1800, 3860];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;

export interface DeliverOptions {
  now?: () => Date;
  timeoutMs?: number;
  mailer?: Mailer | null;
  /** The dashboard's address, for links in e-mail. */
  publicUrl?: string;
  /**
   * Deliver one tenant's outbox through sessions scoped to it (`covenant serve`: on
   * PostgreSQL the application's role sees rows only in a session); without it, every
   * tenant's, as the store's owner (`covenant webhook deliver`).
   */
  tenant?: string;
}

/** Runs fn on the store, or in a short session scoped to the tenant. */
export type Within = <T>(fn: (s: Store) => Promise<T>) => Promise<T>;

export interface DeliverySummary {
  dispatched: number;
  attempted: number;
  delivered: number;
  failed: number;
  mailed: number;
}

export const nextAttempt = (now: Date, attempts: number): string | null => {
  const wait = BACKOFF_SECONDS[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait * 1000).toISOString();
};

/** One pass over every tenant's outbox (the store's owner: `covenant serve` and `webhook deliver`). */
export async function deliverOnce(store: Store, options: DeliverOptions = {}): Promise<DeliverySummary> {
  const now = options.now ?? (() => new Date());
  const summary: DeliverySummary = { dispatched: 0, attempted: 0, delivered: 0, failed: 0, mailed: 0 };
  const tenant = options.tenant;
  const within: Within = (fn) => (tenant === undefined ? fn(store) : store.withSession({ tenant }, fn));
  summary.dispatched = await dispatch(within, options.publicUrl ?? publicUrl());
  const due = await within((s) =>
    s.query<{
      tenant: string;
      webhook_id: string;
      event_id: string;
      attempts: number;
      url: string;
      secret: string;
      body: string;
    }>(sql`SELECT d.tenant, d.webhook_id, d.event_id, d.attempts, w.url, w.secret, e.body
    FROM webhook_deliveries d JOIN webhooks w ON w.tenant = d.tenant AND w.webhook_id = d.webhook_id
    JOIN outbox_events e ON e.tenant = d.tenant AND e.event_id = d.event_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= ${now().toISOString()} ORDER BY d.next_attempt_at`),
  );
  for (const d of due) {
    const result = await post(d.url, d.secret, d.body, options.timeoutMs ?? 10_000);
    const attempts = Number(d.attempts) + 1;
    const at = now();
    const next = result.ok ? null : nextAttempt(at, attempts);
    const status = result.ok ? 'delivered' : next === null ? 'failed' : 'pending';
    await within((s) =>
      s.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO webhook_attempts VALUES (${d.tenant}, ${d.webhook_id}, ${d.event_id}, ${attempts},
        ${at.toISOString()}, ${result.status}, ${result.error}, ${result.ms})`);
        await tx.run(sql`UPDATE webhook_deliveries SET status = ${status}, attempts = ${attempts},
        next_attempt_at = ${next}, last_result = ${result.error ?? `HTTP ${result.status}`}
        WHERE tenant = ${d.tenant} AND webhook_id = ${d.webhook_id} AND event_id = ${d.event_id}`);
      }),
    );
    summary.attempted += 1;
    if (result.ok) summary.delivered += 1;
    if (status === 'failed') summary.failed += 1;
  }
  if (options.mailer) summary.mailed = await deliverMails(within, options.mailer, now());
  return summary;
}

export const publicUrl = () => process.env.COVENANT_PUBLIC_URL ?? 'http://127.0.0.1:4600';

async function dispatch(within: Within, dashboard: string): Promise<number> {
  const events = await within((s) =>
    s.query<{
      tenant: string;
      event_id: string;
      type: string;
      vendor: string | null;
      created_at: string;
      body: string;
    }>(
      sql`SELECT tenant, event_id, type, vendor, created_at, body FROM outbox_events WHERE dispatched_at IS NULL ORDER BY created_at`,
    ),
  );
  for (const e of events) {
    await within((s) =>
      s.transaction(async (tx) => {
        // Subscribed when the event happened, to its type, and the client's or the event's vendor's.
        await tx.run(sql`INSERT INTO webhook_deliveries
        SELECT w.tenant, w.webhook_id, ${e.event_id}, 'pending', 0, ${e.created_at}, NULL FROM webhooks w
        WHERE w.tenant = ${e.tenant} AND w.removed_at IS NULL AND w.created_at <= ${e.created_at}
          AND (',' || w.events || ',') LIKE ${`%,${e.type},%`}
          AND (w.vendor IS NULL OR w.vendor = ${e.vendor})`);
        await mailsFor(tx, e, dashboard);
        await tx.run(sql`UPDATE outbox_events SET dispatched_at = ${new Date().toISOString()}
        WHERE tenant = ${e.tenant} AND event_id = ${e.event_id}`);
      }),
    );
  }
  return events.length;
}

export async function post(
  url: string,
  secret: string,
  body: string,
  timeoutMs: number,
): Promise<{ ok: boolean; status: number | null; error: string | null; ms: number }> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Covenant-Webhooks/1',
        'covenant-signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { ok: response.ok, status: response.status, error: null, ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, status: null, error: message.slice(0, 500), ms: Date.now() - started };
  }
}

/** Manual redelivery: the delivery is due now again (the same event id and body). */
export async function redeliver(
  store: Store,
  tenant: string,
  webhookId: string,
  eventId: string,
): Promise<boolean> {
  const rows = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM webhook_deliveries
    WHERE tenant = ${tenant} AND webhook_id = ${webhookId} AND event_id = ${eventId}`);
  if (Number(rows[0]?.n ?? 0) === 0) return false;
  await store.transaction(async (tx) => {
    await tx.run(sql`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ${new Date().toISOString()}
      WHERE tenant = ${tenant} AND webhook_id = ${webhookId} AND event_id = ${eventId}`);
    await appendAudit(tx, tenant, {
      action: 'webhook.redeliver',
      subject: webhookId,
      detail: { event: eventId },
    });
  });
  return true;
}

export interface DeliveryLogEntry {
  webhook: string;
  event: string;
  type: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  lastResult: string | null;
}

export async function deliveryLog(
  store: Store,
  tenant: string,
  webhookId?: string,
): Promise<DeliveryLogEntry[]> {
  const rows = await store.query<{
    webhook_id: string;
    event_id: string;
    type: string;
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    last_result: string | null;
  }>(
    sql`SELECT d.webhook_id, d.event_id, e.type, d.status, d.attempts, d.next_attempt_at, d.last_result
      FROM webhook_deliveries d JOIN outbox_events e ON e.tenant = d.tenant AND e.event_id = d.event_id
      WHERE d.tenant = ${tenant} ${webhookId === undefined ? sql`` : sql`AND d.webhook_id = ${webhookId}`}
      ORDER BY e.created_at, d.webhook_id`,
  );
  return rows.map((r) => ({
    webhook: r.webhook_id,
    event: r.event_id,
    type: r.type,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastResult: r.last_result,
  }));
}
