import type { Migration } from './migrations.js';
import { policiesWith, SESSION_TENANT, SESSION_VENDOR } from './row-security.js';

const contractsOfVendor = `SELECT c.contract_id FROM contract_versions c WHERE c.tenant = ${SESSION_TENANT} AND c.vendor = ${SESSION_VENDOR}`;

/**
 * Disputes, the audit log, webhooks and e-mail (docs/records.md). Timestamps of the audit
 * log are kept as the ISO text that was hashed, so the chain never depends on how an
 * engine prints a TIMESTAMPTZ.
 */
export const RECORDS_MIGRATION: Migration = {
  version: 60,
  name: 'disputes, audit log, webhooks and outbox, e-mail opt-ins and outbox',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    const money = dialect.columnType({ kind: 'money' });
    const json = dialect.jsonType;
    return [
      `CREATE TABLE disputes (
        tenant ${text} NOT NULL,
        dispute_id ${text} NOT NULL,
        contract_id ${text} NOT NULL,
        vendor ${text} NOT NULL,
        settlement_id ${text} NOT NULL,
        period ${text} NOT NULL,
        line_id ${text} NOT NULL,
        line_label ${text} NOT NULL,
        line_amount ${money} NOT NULL,
        claimed ${money} NOT NULL,
        currency ${text} NOT NULL,
        reason ${text} NOT NULL,
        opened_by ${text} NOT NULL,
        opened_party ${text} NOT NULL,
        status ${text} NOT NULL,
        agreed ${money},
        resolved_by ${text},
        resolved_at ${text},
        created_at ${text} NOT NULL,
        applied_period ${text},
        applied_settlement ${text},
        PRIMARY KEY (tenant, dispute_id)
      )`,
      `CREATE TABLE dispute_messages (
        tenant ${text} NOT NULL,
        dispute_id ${text} NOT NULL,
        message_no INTEGER NOT NULL,
        occurred_at ${text} NOT NULL,
        author ${text} NOT NULL,
        party ${text} NOT NULL,
        kind ${text} NOT NULL,
        body ${text} NOT NULL,
        evidence ${json} NOT NULL,
        PRIMARY KEY (tenant, dispute_id, message_no)
      )`,
      `CREATE TABLE audit_log (
        tenant ${text} NOT NULL,
        seq BIGINT NOT NULL,
        occurred_at ${text} NOT NULL,
        actor ${text} NOT NULL,
        action ${text} NOT NULL,
        subject ${text} NOT NULL,
        before_id ${text},
        after_id ${text},
        detail ${json} NOT NULL,
        prev_hash ${text} NOT NULL,
        hash ${text} NOT NULL,
        PRIMARY KEY (tenant, seq)
      )`,
      `CREATE TABLE webhooks (
        tenant ${text} NOT NULL,
        webhook_id ${text} NOT NULL,
        url ${text} NOT NULL,
        secret ${text} NOT NULL,
        events ${text} NOT NULL,
        vendor ${text},
        created_by ${text} NOT NULL,
        created_at ${text} NOT NULL,
        removed_at ${text},
        PRIMARY KEY (tenant, webhook_id)
      )`,
      `CREATE TABLE outbox_events (
        tenant ${text} NOT NULL,
        event_id ${text} NOT NULL,
        type ${text} NOT NULL,
        vendor ${text},
        created_at ${text} NOT NULL,
        body ${text} NOT NULL,
        dispatched_at ${text},
        PRIMARY KEY (tenant, event_id)
      )`,
      `CREATE TABLE webhook_deliveries (
        tenant ${text} NOT NULL,
        webhook_id ${text} NOT NULL,
        event_id ${text} NOT NULL,
        status ${text} NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at ${text},
        last_result ${text},
        PRIMARY KEY (tenant, webhook_id, event_id)
      )`,
      `CREATE TABLE webhook_attempts (
        tenant ${text} NOT NULL,
        webhook_id ${text} NOT NULL,
        event_id ${text} NOT NULL,
        attempt INTEGER NOT NULL,
        occurred_at ${text} NOT NULL,
        http_status INTEGER,
        error ${text},
        duration_ms INTEGER NOT NULL,
        PRIMARY KEY (tenant, webhook_id, event_id, attempt)
      )`,
      `CREATE TABLE email_opt_ins (
        tenant ${text} NOT NULL,
        email ${text} NOT NULL,
        opted_in_at ${text} NOT NULL,
        PRIMARY KEY (tenant, email)
      )`,
      `CREATE TABLE mail_outbox (
        tenant ${text} NOT NULL,
        mail_id ${text} NOT NULL,
        recipient ${text} NOT NULL,
        subject ${text} NOT NULL,
        body ${text} NOT NULL,
        event_id ${text},
        status ${text} NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at ${text},
        last_error ${text},
        created_at ${text} NOT NULL,
        PRIMARY KEY (tenant, mail_id)
      )`,
      // The chain is read to append: every session of the tenant sees its audit rows (the
      // API shows them to client admins only); UPDATE and DELETE are refused to everyone.
      ...dialect.rowSecurity('audit_log', policiesWith('true')),
      ...dialect.appendOnly('audit_log'),
      ...dialect.rowSecurity('disputes', policiesWith(`vendor = ${SESSION_VENDOR}`)),
      ...dialect.rowSecurity(
        'dispute_messages',
        policiesWith(
          `dispute_id IN (SELECT d.dispute_id FROM disputes d WHERE d.tenant = ${SESSION_TENANT} AND d.contract_id IN (${contractsOfVendor}))`,
        ),
      ),
      ...dialect.rowSecurity('webhooks', policiesWith(`vendor = ${SESSION_VENDOR}`)),
      // Events and deliveries are written by whichever session made the change and read by
      // the deliverer (the owner, unscoped); a vendor's session sees its own.
      ...dialect.rowSecurity('outbox_events', policiesWith('true')),
      ...dialect.rowSecurity('webhook_deliveries', policiesWith('true')),
      ...dialect.rowSecurity('webhook_attempts', policiesWith('true')),
      ...dialect.rowSecurity('email_opt_ins', policiesWith('true')),
      ...dialect.rowSecurity('mail_outbox', policiesWith('true')),
    ];
  },
};
