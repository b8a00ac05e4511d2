import type { PeriodWindow } from '../core/metric/scope.js';
import { checkProposedSource } from '../core/recalibration/proposed-source.js';
import { improvedSource } from '../core/settlement/mechanics/improved-source.js';
import { anniversaries, improveTargets } from '../core/settlement/mechanics/improvement.js';
import type { PeriodRecord } from '../core/settlement/mechanics/types.js';
import { addDays } from '../core/time/calendar.js';
import { periodOf } from '../core/time/period-ops.js';
import { appendAudit } from '../records/audit.js';
import type { Store } from '../store/store.js';
import { listVersions, storeVersion } from './contract-store.js';
import { computeSettlement } from './settle-contract.js';
import { periodsBefore, recordOf } from './settle-mechanics.js';
import { versionsInForce } from './versions-in-force.js';

/**
 * Continuous improvement (contract-format.md): before a period on or after an anniversary
 * of term.start is settled, the next version is made from the version in force the day
 * before it, with each target moved toward the past year's best settlement-period value,
 * effective on the anniversary, and audited like an approved proposal (its computation in
 * the audit entry and in the version's `covenant/improvement` annotation). No version is
 * made when one already takes effect on or after the anniversary (the parties re-agreed
 * the terms), nor twice.
 */
export async function ensureImprovements(
  store: Store,
  tenant: string,
  contractId: string,
  window: PeriodWindow,
  asOf: string,
): Promise<{ version: number; effectiveFrom: string }[]> {
  const made: { version: number; effectiveFrom: string }[] = [];
  const first = (await listVersions(store, tenant, contractId)).at(-1);
  if (!first) return made;
  for (const anniversary of anniversaries(first.contract.term)) {
    if (anniversary > window.endDate) break;
    const versions = await listVersions(store, tenant, contractId);
    if (versions.some((v) => v.effectiveFrom >= anniversary)) continue;
    const before = versionsInForce(versions, addDays(anniversary, -1), addDays(anniversary, -1)).at(
      -1,
    )?.version;
    if (!before?.contract.continuousImprovement) continue;
    const contract = before.contract;
    const yearAgo = `${Number(anniversary.slice(0, 4)) - 1}${anniversary.slice(4)}`;
    const atAnniversary = periodOf(anniversary, contract.settlement === 'monthly' ? 'month' : 'quarter');
    const pastYear: PeriodRecord[] = [];
    for (const p of periodsBefore(contract, atAnniversary, Number.POSITIVE_INFINITY)) {
      if (p.endDate < yearAgo) continue;
      pastYear.push(
        await recordOf(store, tenant, contractId, p, contract.timezone, (w) =>
          computeSettlement(store, tenant, contractId, w, asOf),
        ),
      );
    }
    const improvement = improveTargets(contract, anniversary, pastYear);
    const source = improvedSource(before.source, contract, improvement);
    const next = checkProposedSource(source, `${contractId} (continuous improvement ${anniversary})`);
    const stored = await store.transaction(async (tx) => {
      const result = await storeVersion(tx, tenant, {
        contract: next,
        source,
        origin: `continuous improvement ${anniversary}`,
        effectiveFrom: anniversary,
      });
      await appendAudit(tx, tenant, {
        action: 'contract.improvement',
        subject: contractId,
        before: `${contractId} v${before.version}`,
        after: `${contractId} v${result.version}`,
        detail: { ...improvement },
      });
      return result;
    });
    made.push({ version: stored.version, effectiveFrom: anniversary });
  }
  return made;
}
