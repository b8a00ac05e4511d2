import { raw, type Sql, sql } from '../core/sql/fragment.js';
import type { DerivedColumns } from './load-sql.js';

/**
 * The vendor denormalised onto rows that have none of their own, for row-level security
 * without subqueries (migration 6; Citus refuses subqueries in the policies of
 * distributed tables). Kept by the import, in its transaction, on stores that enforce
 * row-level security: a row of an agent's dataset carries its agent's vendor, a QA review
 * its contact's vendor (`scope_vendor`), and a customer the vendors that served it
 * (`scope_vendors`). Pure builders.
 */
export const SCOPE_VENDOR = 'scope_vendor';
export const SCOPE_VENDORS = 'scope_vendors';

/** Datasets whose rows take their vendor from a parent row: the parent and the joining column. */
export const VENDOR_FROM: Record<string, { parent: string; column: string }> = {
  schedules: { parent: 'agents', column: 'agent_id' },
  agent_states: { parent: 'agents', column: 'agent_id' },
  coaching_sessions: { parent: 'agents', column: 'agent_id' },
  access_events: { parent: 'agents', column: 'agent_id' },
  qa_reviews: { parent: 'interactions', column: 'interaction_id' },
};

/**
 * Children's vendor from their parents, for the rows of batch `batchId` of `table` (the
 * child's new rows, or the children of the parent's new rows).
 */
export function childVendorSql(
  child: string,
  tenant: string,
  batchId: number,
  side: 'child' | 'parent',
): Sql {
  const { parent, column } = VENDOR_FROM[child] as { parent: string; column: string };
  const c = raw(child);
  const batchOf = raw(side === 'child' ? child : 'p');
  return sql`UPDATE ${c} SET ${raw(SCOPE_VENDOR)} = p.vendor FROM ${raw(parent)} p
    WHERE ${c}.tenant = ${tenant} AND p.tenant = ${tenant} AND p.${raw(column)} = ${c}.${raw(column)}
      AND ${batchOf}.batch_id = ${batchId} AND ${c}.${raw(SCOPE_VENDOR)} IS DISTINCT FROM p.vendor`;
}

/** A dataset whose parent is the (small) agents table takes its vendor in the insert, not after. */
export const takesVendorInInsert = (dataset: string): boolean => VENDOR_FROM[dataset]?.parent === 'agents';

export const dropParentVendorsSql = sql`DROP TABLE IF EXISTS parent_vendors`;

/** The tenant's agents and their vendors, for an agent dataset's insert (CHILD_VENDOR_COLUMN). */
export const parentVendorsSql = (tenant: string): Sql[] => [
  dropParentVendorsSql,
  sql`CREATE TEMP TABLE parent_vendors AS SELECT agent_id, vendor FROM agents WHERE tenant = ${tenant}`,
];

/** The insert's derived column for an agent dataset: its agent's vendor. */
export const CHILD_VENDOR_COLUMN: DerivedColumns = {
  columns: [SCOPE_VENDOR],
  values: [sql`parent_vendors.vendor`],
  join: sql` LEFT JOIN parent_vendors ON parent_vendors.agent_id = a.agent_id`,
};

/** The vendors of each customer among `customers` (a subquery of customer_id), from its contacts. */
const vendorsOf = (tenant: string, customers: Sql) =>
  sql`SELECT i.customer_id, array_agg(DISTINCT i.vendor ORDER BY i.vendor) AS vendors FROM interactions i
    WHERE i.tenant = ${tenant} AND i.customer_id IN (${customers}) GROUP BY i.customer_id`;

const setCustomerVendors = (tenant: string, customers: Sql) =>
  sql`UPDATE customers SET ${raw(SCOPE_VENDORS)} = v.vendors FROM (${vendorsOf(tenant, customers)}) v
    WHERE customers.tenant = ${tenant} AND customers.customer_id = v.customer_id
      AND customers.${raw(SCOPE_VENDORS)} IS DISTINCT FROM v.vendors`;

/** After a customers import: the batch's customers. */
export const batchCustomersVendorsSql = (tenant: string, batchId: number): Sql =>
  setCustomerVendors(
    tenant,
    sql`SELECT c.customer_id FROM customers c WHERE c.tenant = ${tenant} AND c.batch_id = ${batchId}`,
  );

/** After an interactions import: the stored customers of the partitions it touched (touched_parts). */
export const touchedCustomersVendorsSql = (tenant: string): Sql =>
  setCustomerVendors(
    tenant,
    sql`SELECT c.customer_id FROM customers c JOIN touched_parts p ON c.tenant = ${tenant} AND c.customer_id = p.customer_id`,
  );

/** Migration 6's backfill of the columns on rows stored before it. */
export function backfillScopeSql(): string[] {
  return [
    ...Object.entries(VENDOR_FROM).map(
      ([child, { parent, column }]) =>
        `UPDATE ${child} SET ${SCOPE_VENDOR} = p.vendor FROM ${parent} p
          WHERE p.tenant = ${child}.tenant AND p.${column} = ${child}.${column}`,
    ),
    `UPDATE customers SET ${SCOPE_VENDORS} = v.vendors
      FROM (SELECT tenant, customer_id, array_agg(DISTINCT vendor ORDER BY vendor) AS vendors
            FROM interactions WHERE customer_id IS NOT NULL GROUP BY tenant, customer_id) v
      WHERE customers.tenant = v.tenant AND customers.customer_id = v.customer_id`,
  ];
}
