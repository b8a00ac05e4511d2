import { periodsOf } from '../core/renewal/model.js';
import { addDays } from '../core/time/calendar.js';
import { parseWindow } from '../core/time/period-window.js';
import { localDateOf } from '../core/time/zone.js';
import { dataVersion, pruneEntries } from '../query/measurement-cache-sql.js';
import { inTenantCatalog } from '../query/tenant-catalog.js';
import { buildScorecard } from '../renewal/scorecard.js';
import type { Store } from '../store/store.js';
import { listVersions, type StoredVersion } from './contract-store.js';
import { contractOverview } from './overview.js';
import { computeSettlement } from './settle-contract.js';
import { versionsInForce } from './versions-in-force.js';

export interface Warmed {
  contracts: number;
  /** Pages measured; a page that cannot be built (a term not begun) is skipped. */
  pages: number;
  failed: number;
  version: number;
}

/**
 * After an import (and hourly, with the alerts): every contract of the tenant measured as
 * its pages will ask, through the persisted measurements, so the first load after a
 * server starts is a read (query/measurement-cache.ts): the renewal scorecard as of today
 * (as the renewal page asks it), and the overview and settlement of every quarter of the
 * term begun by today (the overview opens on the last ended one; any can be picked). Then
 * the entries of older data versions are deleted. Each page in a client session of the
 * tenant of its own; a page that fails is counted, never thrown: the import is done.
 */
export async function warmMeasurements(
  store: Store,
  tenant: string,
  options: { asOf?: string } = {},
): Promise<Warmed> {
  const asOf = options.asOf ?? new Date().toISOString();
  return inTenantCatalog(tenant, async () => {
    const inSession = <T>(fn: (s: Store) => Promise<T>) => store.withSession({ tenant }, fn);
    const { version, versions } = await inSession(async (s) => ({
      version: (await dataVersion(s, tenant)).batch,
      versions: await listVersions(s, tenant),
    }));
    const warmed: Warmed = { contracts: 0, pages: 0, failed: 0, version };
    const page = async (fn: (s: Store) => Promise<unknown>) => {
      try {
        await inSession(fn);
        warmed.pages += 1;
      } catch {
        warmed.failed += 1;
      }
    };
    for (const id of [...new Set(versions.map((v) => v.contractId))]) {
      const own = versions.filter((v) => v.contractId === id);
      const latest = own.at(-1) as StoredVersion;
      const { term, timezone } = latest.contract;
      // As the renewal route asks: today in the contract's zone, clamped to the day after the term.
      const today = localDateOf(asOf, timezone);
      const dayAfter = addDays(term.end, 1);
      const date = earliest(today, dayAfter);
      warmed.contracts += 1;
      if (date <= term.start) continue;
      await page((s) => buildScorecard(s, tenant, id, { asOf: date }));
      const begun = { startDate: term.start, endDate: earliest(addDays(date, -1), term.end) };
      for (const quarter of periodsOf(begun, 'quarter')) {
        const label = quarter.period.includes('..') ? quarterLabelOf(quarter.startDate) : quarter.period;
        const window = parseWindow(label, timezone, 'period');
        // The terms in force when the quarter began, as the overview route picks them.
        const inForce = versionsInForce(own, window.startDate, window.endDate)[0]?.version ?? latest;
        await page((s) => contractOverview(s, tenant, inForce, window, asOf));
        await page((s) => computeSettlement(s, tenant, id, window, asOf, { mechanics: true }));
      }
    }
    await inSession((s) => pruneEntries(s, tenant, version)).catch(() => undefined);
    return warmed;
  });
}

/** The earlier of two ISO dates (compared as text, as dates in ISO form order). */
const earliest = (a: string, b: string) => [a, b].sort()[0] as string;

/** The quarter a date is in, as the pages name it (`2026-Q4`). */
const quarterLabelOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
