import type { Migration } from './migrations.js';
import { policiesWith, SESSION_TENANT, SESSION_VENDOR } from './row-security.js';

/** Rows a vendor's session may see: those of its own contracts (experiments without one are the client's). */
const ofVendorContracts = `contract_id IN (SELECT c.contract_id FROM contract_versions c WHERE c.tenant = ${SESSION_TENANT} AND c.vendor = ${SESSION_VENDOR})`;

/** Stored experiments (issue 15, versions 80-84 reserved). */
export const EXPERIMENTS_MIGRATION: Migration = {
  version: 80,
  name: 'experiments: joint interventions estimated by difference in differences',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    return [
      `CREATE TABLE experiments (
        tenant ${text} NOT NULL,
        experiment_id ${text} NOT NULL,
        contract_id ${text},
        body ${dialect.jsonType} NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, experiment_id)
      )`,
      ...dialect.rowSecurity('experiments', policiesWith(ofVendorContracts)),
    ];
  },
};

/** Outcome alerts: one row per change of an outcome's projected state. */
export const ALERTS_MIGRATION: Migration = {
  version: 81,
  name: 'outcome alerts: changes of projected state',
  statements: (dialect) => {
    const text = dialect.columnType({ kind: 'string' });
    return [
      `CREATE TABLE outcome_alerts (
        tenant ${text} NOT NULL,
        alert_id ${text} NOT NULL,
        contract_id ${text} NOT NULL,
        period ${text} NOT NULL,
        portfolio ${text} NOT NULL,
        metric ${text} NOT NULL,
        previous_state ${text},
        state ${text} NOT NULL,
        as_of TIMESTAMPTZ NOT NULL,
        body ${dialect.jsonType} NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (tenant, alert_id)
      )`,
      ...dialect.rowSecurity('outcome_alerts', policiesWith(ofVendorContracts)),
    ];
  },
};
