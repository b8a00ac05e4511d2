import type { Dialect } from '../../core/sql/dialect.js';
import { listed, replacePolicies, SETTINGS } from './flat-policies.js';
import type { Migration } from './migrations.js';

/**
 * Migration 91: the row-level security of the tables added after migration 6 (users and
 * tokens, disputes and webhooks, experiments and alerts, custom metrics and mappings,
 * languages) without subqueries, as migration 6 did for the datasets: Citus distributes
 * no table whose policy holds one. A vendor's users and disputes are listed in the
 * session's settings when it starts (postgres/session-settings.ts), like its contracts.
 */
function rules(dialect: Dialect): Record<string, string> {
  const vendor = dialect.sessionSetting(SETTINGS.vendor);
  const own = `vendor = ${vendor}`;
  const ofUsers = listed(dialect, 'email', SETTINGS.users);
  const ofContracts = listed(dialect, 'contract_id', SETTINGS.contracts);
  return {
    users: `organisation = ${vendor} AND role NOT IN ('client_admin', 'client_viewer')`,
    sessions: ofUsers,
    api_tokens: ofUsers,
    audit_log: 'true',
    disputes: own,
    dispute_messages: listed(dialect, 'dispute_id', SETTINGS.disputes),
    webhooks: own,
    outbox_events: 'true',
    webhook_deliveries: 'true',
    webhook_attempts: 'true',
    email_opt_ins: 'true',
    mail_outbox: 'true',
    experiments: ofContracts,
    outcome_alerts: ofContracts,
    custom_metrics: 'true',
    stored_mappings: 'false',
    user_languages: 'true',
    tenant_languages: 'true',
  };
}

export const WAVE_FLAT_POLICIES_MIGRATION: Migration = {
  version: 91,
  name: 'row-level security without subqueries for users, records, evidence, definitions and languages',
  statements: (dialect: Dialect) => {
    if (!dialect.rowLevelSecurity) return [];
    return replacePolicies(dialect, rules(dialect));
  },
};
