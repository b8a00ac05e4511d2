import type { Migration } from './migrations.js';
import { policiesWith } from './row-security.js';

/** A tenant's own definitions, kept as the YAML applied (re-parsed on read, so a metric is one text). */
export const CUSTOM_DEFINITION_MIGRATIONS: Migration[] = [
  {
    version: 70,
    name: 'custom metrics per tenant (kind Metric)',
    statements: (dialect) => {
      const text = dialect.columnType({ kind: 'string' });
      return [
        `CREATE TABLE custom_metrics (
          tenant ${text} NOT NULL,
          metric_id ${text} NOT NULL,
          dataset ${text} NOT NULL,
          source ${text} NOT NULL,
          applied_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (tenant, metric_id)
        )`,
        // Definitions are shared by client and vendor: one number, whoever asks.
        ...dialect.rowSecurity('custom_metrics', policiesWith('true')),
      ];
    },
  },
  {
    version: 71,
    name: 'stored mappings per tenant (kind Mapping), for imports through the API',
    statements: (dialect) => {
      const text = dialect.columnType({ kind: 'string' });
      return [
        `CREATE TABLE stored_mappings (
          tenant ${text} NOT NULL,
          name ${text} NOT NULL,
          dataset ${text} NOT NULL,
          source ${text} NOT NULL,
          applied_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (tenant, name)
        )`,
        // Mappings are the client's import plumbing, like the import bookkeeping.
        ...dialect.rowSecurity('stored_mappings', policiesWith('false')),
      ];
    },
  },
];
