import { ROLLUP_TABLE } from '../../core/metric/rollup.js';
import type { Dialect, RowPolicy } from '../../core/sql/dialect.js';
import { backfillScopeSql, SCOPE_VENDOR, SCOPE_VENDORS, VENDOR_FROM } from '../../ingest/scope-vendor-sql.js';
import type { Migration } from './migrations.js';

/**
 * Migration 6: row-level security without subqueries, which Citus refuses in the policies
 * of distributed tables (migration 3 read the session's settings and other tables through
 * them). A row is the session's when its tenant is the session's and, in a vendor's
 * session, its vendor is the vendor: its own vendor column, or the vendor the import
 * denormalised onto it (ingest/scope-vendor-sql.ts: an agent's rows, a contact's reviews,
 * the customers a vendor served). Contracts' proposals, settlements and approvals are the
 * vendor's when their contract (proposal) is among those the session lists, set when a
 * vendor's session starts (postgres-session-settings.ts). Settings are read as the
 * dialect says: once per statement on PostgreSQL, a plain call on Citus.
 */
export const SETTINGS = {
  tenant: 'covenant.tenant',
  vendor: 'covenant.vendor',
  contracts: 'covenant.vendor_contracts',
  proposals: 'covenant.vendor_proposals',
  users: 'covenant.vendor_users',
  disputes: 'covenant.vendor_disputes',
} as const;

export const listed = (dialect: Dialect, column: string, setting: string) =>
  `${column} = ANY(string_to_array(${dialect.sessionSetting(setting)}, ','))`;

/** In a vendor's session, which rows of each table are the vendor's. */
export function flatVendorRules(dialect: Dialect): Record<string, string> {
  const vendor = dialect.sessionSetting(SETTINGS.vendor);
  const own = `vendor = ${vendor}`;
  return {
    interactions: own,
    customers: `${vendor} = ANY(${SCOPE_VENDORS})`,
    ...Object.fromEntries(Object.keys(VENDOR_FROM).map((t) => [t, `${SCOPE_VENDOR} = ${vendor}`])),
    sites: own,
    agents: own,
    vacancies: own,
    incidents: own,
    import_batches: 'false',
    import_rejects: 'false',
    contract_versions: own,
    proposals: listed(dialect, 'contract_id', SETTINGS.contracts),
    settlements: listed(dialect, 'contract_id', SETTINGS.contracts),
    approvals: listed(dialect, 'proposal_id', SETTINGS.proposals),
    [ROLLUP_TABLE]: own,
  };
}

export function flatPolicies(dialect: Dialect, vendorRule: string): RowPolicy[] {
  const tenant = dialect.sessionSetting(SETTINGS.tenant);
  const vendor = dialect.sessionSetting(SETTINGS.vendor);
  return [
    { name: 'organisation_scope', using: `tenant = ${tenant} AND (${vendor} IS NULL OR ${vendorRule})` },
    { name: 'owner_unscoped', to: 'CURRENT_USER', using: `${tenant} IS NULL` },
  ];
}

/** Statements that replace each table's policies with the flat ones of its vendor rule. */
export const replacePolicies = (dialect: Dialect, rules: Record<string, string>): string[] =>
  Object.entries(rules).flatMap(([table, rule]) => [
    `DROP POLICY IF EXISTS organisation_scope ON ${table}`,
    `DROP POLICY IF EXISTS owner_unscoped ON ${table}`,
    ...dialect.rowSecurity(table, flatPolicies(dialect, rule)),
  ]);

export const FLAT_POLICIES_MIGRATION: Migration = {
  version: 6,
  name: 'row-level security without subqueries: the vendor denormalised onto rows, kept by the import',
  statements: (dialect: Dialect) => {
    if (!dialect.rowLevelSecurity) return [];
    const text = dialect.columnType({ kind: 'string' });
    const rules = flatVendorRules(dialect);
    return [
      ...Object.keys(VENDOR_FROM).map((t) => `ALTER TABLE ${t} ADD COLUMN ${SCOPE_VENDOR} ${text}`),
      `ALTER TABLE customers ADD COLUMN ${SCOPE_VENDORS} ${text}[]`,
      ...backfillScopeSql(),
      ...replacePolicies(dialect, rules),
    ];
  },
};
