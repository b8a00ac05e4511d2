import type { Contract } from '../core/contract/types.js';
import { Dec } from '../core/money/money.js';
import { join, sql } from '../core/sql/fragment.js';
import { periodBounds } from '../core/time/boundaries.js';
import { addDays, daysInMonth, parseDate } from '../core/time/calendar.js';
import { persistedRows } from '../query/measurement-cache.js';
import type { Store } from '../store/store.js';

/**
 * Base-fee units of one settlement part on the contract's scope (contract-format.md):
 * handled_contact = contacts not abandoned whose path is human or bot_to_human (bot-only
 * contacts are not billed at the human rate); resolved_contact = those resolved;
 * fte_month = scheduled work hours of the vendor's agents / fteHoursPerMonth;
 * fixed_month = calendar months, a part month counting its share of days. A decimal string.
 * Counted rows are kept with the persisted measurements inside a contract's page.
 */
export async function baseUnits(
  store: Store,
  tenant: string,
  contract: Contract,
  from: string,
  to: string,
): Promise<string> {
  const { unit, fteHoursPerMonth } = contract.pricing.base;
  if (unit === 'fixed_month') return monthsCovered(from, to);
  const { start, end } = periodBounds({ startDate: from, endDate: to }, contract.timezone);
  const d = store.dialect;
  if (unit === 'fte_month') {
    const [row] = await persistedRows<{ seconds: number | null }>(
      store,
      tenant,
      sql`SELECT sum(
        ${d.epochSeconds(sql`least(s."end", ${d.instant(end)})`)} - ${d.epochSeconds(sql`greatest(s.start, ${d.instant(start)})`)}) AS seconds
      FROM schedules s JOIN agents a ON a.tenant = s.tenant AND a.agent_id = s.agent_id
      WHERE s.tenant = ${tenant} AND a.vendor = ${contract.vendor} AND s.activity = 'work'
        AND s.start < ${d.instant(end)} AND s."end" > ${d.instant(start)}`,
    );
    return ((row?.seconds ?? 0) / 3600 / fteHoursPerMonth).toFixed(6);
  }
  const resolved = unit === 'resolved_contact' ? sql` AND resolved` : sql``;
  const [row] = await persistedRows<{ n: number }>(
    store,
    tenant,
    sql`SELECT count(*) AS n FROM interactions
    WHERE tenant = ${tenant} AND vendor = ${contract.vendor}
      AND workflow IN (${join(contract.workflows.map((w) => sql`${w}`))})
      AND started_at >= ${d.instant(start)} AND started_at < ${d.instant(end)}
      AND NOT abandoned AND path IN ('human', 'bot_to_human')${resolved}`,
  );
  return String(row?.n ?? 0);
}

/** Exact decimal: whole months count 1 exactly; a part month its days over the month's days. */
function monthsCovered(from: string, to: string): string {
  let months = new Dec(0);
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const { year, month } = parseDate(day) as { year: number; month: number };
    months = months.plus(new Dec(1).div(daysInMonth(year, month)));
  }
  return months.toDecimalPlaces(12).toString();
}
