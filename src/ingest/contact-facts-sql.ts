import type { Dialect } from '../core/sql/dialect.js';
import { raw, type Sql, sql } from '../core/sql/fragment.js';

/**
 * The per-contact facts an import keeps on `interactions` (migration 5), pure builders:
 * the gap in seconds to the previous and to the next contact of the same customer on the
 * same workflow, over ALL the tenant's contacts (every vendor, site and channel), ordered
 * by (started_at, interaction_id); NULL when there is none or no customer_id. fcr's
 * episodes for any repeatWindow W follow from them row by row (a contact starts an
 * episode iff its previous gap is NULL or > W), so a vendor's session, which sees only
 * its own rows, still counts the other vendors' repeat contacts (metrics.md, "One number").
 *
 * The import recomputes the gaps of every (customer_id, workflow) touched by the batch:
 * the new values of the rows it inserts or replaces and the old values of the rows it
 * replaces. The rows it inserts get theirs in the insert; stored rows whose gaps changed
 * are updated. All in the import's transaction.
 */
export const GAP_COLUMNS = ['prev_gap_seconds', 'next_gap_seconds'] as const;

/** The accepted rows the batch writes (new or changed), as a FROM item aliased `a`. */
const written = (accepted: string, matched: boolean): Sql =>
  matched
    ? sql`${raw(accepted)} a LEFT JOIN matched_keys m ON m.interaction_id = a.interaction_id
        WHERE (m.interaction_id IS NULL OR m.changed)`
    : sql`${raw(accepted)} a WHERE true`;

/** The stored (old) values of the rows the batch replaces, as a FROM item aliased `a`. */
const replacedOld = (tenant: string): Sql =>
  sql`interactions a JOIN matched_keys m ON a.tenant = ${tenant} AND a.interaction_id = m.interaction_id
        WHERE m.changed`;

/** Before the delete: the (customer_id, workflow) partitions the batch touches. */
export function touchedPartsSql(accepted: string, tenant: string, matched: number, replaced: number): Sql {
  const old =
    replaced > 0
      ? sql` UNION ALL SELECT a.customer_id, a.workflow FROM ${replacedOld(tenant)} AND a.customer_id IS NOT NULL`
      : sql``;
  return sql`CREATE TEMP TABLE touched_parts AS SELECT DISTINCT customer_id, workflow FROM (
      SELECT a.customer_id, a.workflow FROM ${written(accepted, matched > 0)} AND a.customer_id IS NOT NULL${old}) x`;
}

/** Whether the tenant stores any contact (when not, a batch's gaps are its own alone). */
export const storesContactsSql = (tenant: string): Sql =>
  sql`SELECT EXISTS (SELECT 1 FROM interactions WHERE tenant = ${tenant}) AS stored`;

/**
 * After the delete, before the insert: the gaps of every contact of the touched
 * partitions, stored (kept) or about to be inserted, with the stored values to compare.
 */
export function contactGapsSql(dialect: Dialect, accepted: string, tenant: string, matched: number): Sql {
  return sql`CREATE TEMP TABLE contact_gaps AS ${contactGapsSelect(dialect, accepted, tenant, matched, true)}`;
}

/** The SELECT of contact_gaps; `stored` false: the tenant stores no contact. */
export function contactGapsSelect(
  dialect: Dialect,
  accepted: string,
  tenant: string,
  matched: number,
  stored: boolean,
): Sql {
  const prev = dialect.secondsBetween(raw('lag(started_at) OVER w'), raw('started_at'));
  const next = dialect.secondsBetween(raw('started_at'), raw('lead(started_at) OVER w'));
  const storedRows = stored
    ? sql`SELECT t.interaction_id, CAST(NULL AS BIGINT) AS record, t.customer_id, t.workflow, t.started_at,
        t.prev_gap_seconds AS old_prev, t.next_gap_seconds AS old_next, true AS stored
      FROM interactions t JOIN touched_parts p ON t.tenant = ${tenant}
        AND t.customer_id = p.customer_id AND t.workflow = p.workflow
      UNION ALL `
    : sql``;
  return sql`SELECT interaction_id, record, stored, old_prev, old_next, ${prev} AS prev_gap, ${next} AS next_gap
    FROM (
      ${storedRows}SELECT a.interaction_id, a.record, a.customer_id, a.workflow, a.started_at,
        CAST(NULL AS DOUBLE PRECISION) AS old_prev, CAST(NULL AS DOUBLE PRECISION) AS old_next, false AS stored
      FROM ${written(accepted, matched > 0)} AND a.customer_id IS NOT NULL
    ) c
    WINDOW w AS (PARTITION BY customer_id, workflow ORDER BY started_at, interaction_id)`;
}

/**
 * The insert's join giving each new row its gaps (`g.prev_gap`, `g.next_gap`; NULL without a
 * customer), on the staged record number: one per row, and a number hashes faster than an id.
 */
export const insertedGapsJoin = (gaps: Sql = sql`contact_gaps`): Sql =>
  sql` LEFT JOIN ${gaps} g ON NOT g.stored AND g.record = a.record`;

/** After the insert: stored contacts whose gaps the batch changed. */
export const updateStoredGapsSql = (tenant: string): Sql =>
  sql`UPDATE interactions SET prev_gap_seconds = g.prev_gap, next_gap_seconds = g.next_gap
    FROM contact_gaps g
    WHERE interactions.tenant = ${tenant} AND interactions.interaction_id = g.interaction_id AND g.stored
      AND (g.prev_gap IS DISTINCT FROM g.old_prev OR g.next_gap IS DISTINCT FROM g.old_next)`;

/** Migration 5's backfill: every stored contact's gaps, recomputed from all the contacts. */
export function backfillGapsSql(dialect: Dialect): string {
  const prev = dialect.secondsBetween(raw('lag(started_at) OVER w'), raw('started_at'));
  const next = dialect.secondsBetween(raw('started_at'), raw('lead(started_at) OVER w'));
  return `UPDATE interactions SET prev_gap_seconds = g.prev_gap, next_gap_seconds = g.next_gap
    FROM (SELECT tenant, interaction_id, ${prev.text} AS prev_gap, ${next.text} AS next_gap
      FROM interactions WHERE customer_id IS NOT NULL
      WINDOW w AS (PARTITION BY tenant, customer_id, workflow ORDER BY started_at, interaction_id)) g
    WHERE interactions.tenant = g.tenant AND interactions.interaction_id = g.interaction_id`;
}
