import type { Dialect, RowPolicy } from '../../core/sql/dialect.js';

/**
 * Row-level security by organisation (PostgreSQL; engines without it get no statements).
 * A session (Store.withSession) sets `covenant.tenant` and, for a vendor's user,
 * `covenant.vendor` for its transaction. A row is visible and writable when its tenant is
 * the session's and, in a vendor's session, it is the vendor's: by its vendor column, its
 * agent's vendor, its contact's vendor, or its contract's vendor. Rows a vendor has no
 * claim to (import bookkeeping) are invisible to vendors.
 *
 * The tables' owner, unscoped (no tenant set: migrations, the CLI's own work), sees every
 * row; scoped, it is bound like anyone (FORCE). Any other role sees nothing unscoped, so
 * the server's role cannot read a row outside a session.
 *
 * Settings are read through scalar subqueries: evaluated once per statement, not per row.
 * Vendor rules are uncorrelated IN lists (one hashed lookup per statement) that stay
 * within the session's tenant.
 */
const setting = (name: string) => `(SELECT nullif(current_setting('${name}', true), ''))`;
export const SESSION_TENANT = setting('covenant.tenant');
export const SESSION_VENDOR = setting('covenant.vendor');

const agentsOfVendor = `SELECT a.agent_id FROM agents a WHERE a.tenant = ${SESSION_TENANT} AND a.vendor = ${SESSION_VENDOR}`;
const contractsOfVendor = `SELECT c.contract_id FROM contract_versions c WHERE c.tenant = ${SESSION_TENANT} AND c.vendor = ${SESSION_VENDOR}`;

/**
 * In a vendor's session, which rows of each table are the vendor's. Written out table by
 * table (not derived from the catalog) so the migration stays as released; a table added
 * later gets its policy in the migration that creates it.
 */
const byVendorColumn = `vendor = ${SESSION_VENDOR}`;
const byAgent = `agent_id IN (${agentsOfVendor})`;
export const VENDOR_RULES: Record<string, string> = {
  interactions: byVendorColumn,
  // A vendor sees the customers it has served (retention reads them).
  customers: `customer_id IN (SELECT i.customer_id FROM interactions i WHERE i.tenant = ${SESSION_TENANT} AND i.vendor = ${SESSION_VENDOR} AND i.customer_id IS NOT NULL)`,
  qa_reviews: `interaction_id IN (SELECT i.interaction_id FROM interactions i WHERE i.tenant = ${SESSION_TENANT} AND i.vendor = ${SESSION_VENDOR})`,
  sites: byVendorColumn,
  agents: byVendorColumn,
  schedules: byAgent,
  agent_states: byAgent,
  coaching_sessions: byAgent,
  vacancies: byVendorColumn,
  incidents: byVendorColumn,
  access_events: byAgent,
  // Import bookkeeping (rejects hold raw values of any vendor's rows) is the client's.
  import_batches: 'false',
  import_rejects: 'false',
  contract_versions: byVendorColumn,
  proposals: `contract_id IN (${contractsOfVendor})`,
  settlements: `contract_id IN (${contractsOfVendor})`,
  approvals: `proposal_id IN (SELECT p.proposal_id FROM proposals p WHERE p.tenant = ${SESSION_TENANT} AND p.contract_id IN (${contractsOfVendor}))`,
};

/** The tables under row-level security: every dataset, the import bookkeeping, contracts and settlements. */
export const SECURED_TABLES: string[] = Object.keys(VENDOR_RULES);

/** The two policies of a table whose rows are a vendor's when `vendorRule` holds. */
export function policiesWith(vendorRule: string): RowPolicy[] {
  return [
    {
      name: 'organisation_scope',
      using: `tenant = ${SESSION_TENANT} AND (${SESSION_VENDOR} IS NULL OR ${vendorRule})`,
    },
    { name: 'owner_unscoped', to: 'CURRENT_USER', using: `${SESSION_TENANT} IS NULL` },
  ];
}

export const policiesFor = (table: string): RowPolicy[] => policiesWith(VENDOR_RULES[table] ?? 'false');

export function rowSecurityStatements(dialect: Dialect): string[] {
  return SECURED_TABLES.flatMap((table) => dialect.rowSecurity(table, policiesFor(table)));
}
