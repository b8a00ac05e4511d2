import { CONTACT_COLUMN, type Dimension, type PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import { join, raw, sql } from '../core/sql/fragment.js';
import { closest } from '../core/text/closest.js';
import type { Store } from '../store/store.js';

/** At most this many known values are read per dimension for a hint. */
const KNOWN_LIMIT = 1000;

/**
 * Why a query found nothing, when it found nothing: a filter value the store has no
 * contacts for (with the nearest known value), or a period with no contacts at all.
 * Only asked when every result has n = 0, so answered queries cost nothing more.
 */
export async function emptyResultWarnings(
  store: Store,
  tenant: string,
  where: Partial<Record<Dimension, readonly string[]>>,
  periods: PeriodWindow[],
  results: MetricResult[],
): Promise<string[]> {
  if (results.some((r) => r.n > 0)) return [];
  const warnings: string[] = [];
  // Known values within the asked vendors only: a vendor's query (its vendor forced by the
  // server's scope) never learns another vendor's sites, agents or channels from a hint.
  const vendors = where.vendor;
  const ofVendors =
    vendors && vendors.length > 0 ? sql` AND vendor IN (${join(vendors.map((v) => sql`${v}`))})` : sql``;
  for (const [dim, values] of Object.entries(where) as [Dimension, string[]][]) {
    const column = raw(CONTACT_COLUMN[dim]);
    const scoped = dim === 'vendor' ? sql`` : ofVendors;
    const rows = await store.query<{ v: string }>(
      sql`SELECT DISTINCT ${column} AS v FROM interactions WHERE tenant = ${tenant} AND ${column} IS NOT NULL${scoped} LIMIT ${KNOWN_LIMIT}`,
    );
    const known = rows.map((r) => String(r.v));
    for (const value of values ?? []) {
      if (known.includes(value)) continue;
      const near = closest(value, known);
      warnings.push(`${dim} '${value}' has no data${near ? `; did you mean ${near}?` : ''}`);
    }
  }
  if (warnings.length > 0) return warnings;
  const [span] = await store.query<{ first: string | null; last: string | null }>(
    sql`SELECT min(started_at) AS first, max(started_at) AS last FROM interactions WHERE tenant = ${tenant}${ofVendors}`,
  );
  for (const period of periods) {
    const inside = span?.first && span.last && span.first < period.end && span.last >= period.start;
    if (inside) continue;
    warnings.push(
      span?.first && span.last
        ? `no contacts in ${period.label} in the store (it has contacts from ${span.first.slice(0, 10)} to ${span.last.slice(0, 10)})`
        : `no contacts in ${period.label}: the store has no contacts yet (covenant import interactions FILE)`,
    );
  }
  return warnings;
}
