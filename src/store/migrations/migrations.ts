import type { Dialect } from '../../core/sql/dialect.js';
import { allDatasetTablesDdl } from './dataset-tables.js';
import { interactionDaysStatements } from './interaction-days.js';
import { rowSecurityStatements } from './row-security.js';

export interface Migration {
  version: number;
  name: string;
  statements(dialect: Dialect): string[];
}

/** Append only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'canonical datasets and import bookkeeping',
    statements: (dialect) => {
      const text = dialect.columnType({ kind: 'string' });
      return [
        ...allDatasetTablesDdl(dialect),
        `CREATE TABLE import_batches (
          tenant ${text} NOT NULL,
          batch_id BIGINT NOT NULL,
          dataset ${text} NOT NULL,
          file ${text} NOT NULL,
          format ${text} NOT NULL,
          mapping ${text},
          started_at TIMESTAMPTZ NOT NULL,
          finished_at TIMESTAMPTZ NOT NULL,
          rows_read BIGINT NOT NULL,
          rows_accepted BIGINT NOT NULL,
          rows_rejected BIGINT NOT NULL,
          rows_replaced BIGINT NOT NULL,
          rows_inserted BIGINT NOT NULL,
          rows_filtered BIGINT NOT NULL,
          extra_columns ${text},
          PRIMARY KEY (tenant, batch_id)
        )`,
        `CREATE TABLE import_rejects (
          tenant ${text} NOT NULL,
          batch_id BIGINT NOT NULL,
          reject_no BIGINT NOT NULL,
          file ${text} NOT NULL,
          line BIGINT,
          ${dialect.quoteIdent('column')} ${text},
          value ${text},
          reason ${text} NOT NULL,
          PRIMARY KEY (tenant, batch_id, reject_no)
        )`,
      ];
    },
  },
  {
    version: 2,
    name: 'contracts, versions, proposals, approvals and settlements',
    statements: (dialect) => {
      const text = dialect.columnType({ kind: 'string' });
      const json = dialect.jsonType;
      return [
        `CREATE TABLE contract_versions (
          tenant ${text} NOT NULL,
          contract_id ${text} NOT NULL,
          version INTEGER NOT NULL,
          client ${text} NOT NULL,
          vendor ${text} NOT NULL,
          effective_from DATE NOT NULL,
          digest ${text} NOT NULL,
          source ${text} NOT NULL,
          spec ${json} NOT NULL,
          origin ${text} NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (tenant, contract_id, version)
        )`,
        `CREATE TABLE proposals (
          tenant ${text} NOT NULL,
          proposal_id ${text} NOT NULL,
          contract_id ${text} NOT NULL,
          base_version INTEGER NOT NULL,
          period ${text} NOT NULL,
          status ${text} NOT NULL,
          effective_from DATE NOT NULL,
          body ${json} NOT NULL,
          proposed_source ${text} NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          decided_at TIMESTAMPTZ,
          PRIMARY KEY (tenant, proposal_id)
        )`,
        `CREATE TABLE approvals (
          tenant ${text} NOT NULL,
          proposal_id ${text} NOT NULL,
          party ${text} NOT NULL,
          decision ${text} NOT NULL,
          decided_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (tenant, proposal_id, party)
        )`,
        `CREATE TABLE settlements (
          tenant ${text} NOT NULL,
          settlement_id ${text} NOT NULL,
          contract_id ${text} NOT NULL,
          period ${text} NOT NULL,
          kind ${text} NOT NULL,
          total ${dialect.columnType({ kind: 'money' })} NOT NULL,
          currency ${text} NOT NULL,
          body ${json} NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (tenant, settlement_id)
        )`,
      ];
    },
  },
  {
    version: 3,
    name: 'row-level security by organisation (tenant, and vendor in a vendor session)',
    // PostgreSQL only: DuckDB has no row-level security (the dialect gives no statements).
    statements: (dialect) => rowSecurityStatements(dialect),
  },
  {
    version: 4,
    name: 'per-day rollups of the additive contact metrics, kept by triggers; the time index',
    // Stores with daily rollups only (PostgreSQL): DuckDB gets no statements.
    statements: (dialect) => interactionDaysStatements(dialect),
  },
];
