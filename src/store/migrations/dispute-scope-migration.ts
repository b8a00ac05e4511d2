import { replacePolicies, SETTINGS } from './flat-policies.js';
import type { Migration } from './migrations.js';

/**
 * Migration 152: records numbered from tenant-wide counters (`record_numbers`), and dispute
 * threads that carry their vendor, so that:
 * - a dispute is opened, answered and resolved in the writing party's session, as every other
 *   write (its row-level security applies on PostgreSQL). A vendor's session sees only its
 *   own disputes, so counting them gave a number another vendor's dispute already had; and
 *   the list of a vendor's disputes is set when its session starts, so it did not hold a
 *   dispute opened in the same session;
 * - two parties appending to the audit log at the same time take turns on the counter's row:
 *   reading the last entry let both take the same number, and one failed.
 */
export const DISPUTE_SCOPE_MIGRATION: Migration = {
  version: 152,
  name: 'dispute and audit entry numbers from tenant-wide counters; dispute threads carry their vendor',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    const vendor = dialect.sessionSetting(SETTINGS.vendor);
    return [
      `CREATE TABLE record_numbers (
        tenant ${text} NOT NULL,
        kind ${text} NOT NULL,
        last_number BIGINT NOT NULL,
        PRIMARY KEY (tenant, kind)
      )`,
      // Numbers so far were D-1..D-n, n the tenant's count of disputes; audit entries 1..max(seq).
      `INSERT INTO record_numbers SELECT tenant, 'dispute', count(*) FROM disputes GROUP BY tenant`,
      `INSERT INTO record_numbers SELECT tenant, 'audit', max(seq) FROM audit_log GROUP BY tenant`,
      `ALTER TABLE dispute_messages ADD COLUMN vendor ${text}`,
      `UPDATE dispute_messages SET vendor = d.vendor FROM disputes d
        WHERE d.tenant = dispute_messages.tenant AND d.dispute_id = dispute_messages.dispute_id`,
      ...(dialect.rowLevelSecurity
        ? replacePolicies(dialect, { record_numbers: 'true', dispute_messages: `vendor = ${vendor}` })
        : []),
    ];
  },
};
