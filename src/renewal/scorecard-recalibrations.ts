import type { StoredVersion } from '../contracts/contract-store.js';
import { listProposals } from '../contracts/proposal-store.js';
import { triggerMeasures } from '../contracts/recalibrate-data.js';
import { evaluateTriggers, type PeriodMeasures } from '../core/recalibration/index.js';
import type { RecalibrationSummary, TermPeriod } from '../core/renewal/types.js';
import { parseWindows } from '../core/time/period-window.js';
import type { Ctx } from './scorecard-context.js';

/** The scorecard's recalibrations: the contract's versions, the proposals with their decisions, the triggers by quarter. */

export async function recalibrations(
  ctx: Ctx,
  contractId: string,
  versions: StoredVersion[],
  quarters: TermPeriod[],
): Promise<RecalibrationSummary> {
  const proposals = await listProposals(ctx.store, ctx.tenant, { contract: contractId });
  const terms = ctx.contract.recalibration;
  const triggers: RecalibrationSummary['triggers'] = [];
  if (terms && terms.triggers.length > 0) {
    const [reference] = parseWindows(terms.reference, ctx.contract.timezone, 'recalibration.reference');
    const measures = async (label: string): Promise<PeriodMeasures | null> => {
      const [window] = parseWindows(label, ctx.contract.timezone, 'period');
      return window ? triggerMeasures(ctx.store, ctx.tenant, ctx.contract, window, ctx.asOf) : null;
    };
    const base = reference ? await measures(reference.label) : null;
    for (const q of quarters) {
      if (!base || !reference || q.period === reference.label) continue;
      const current = await measures(q.period);
      if (!current) continue;
      const results = evaluateTriggers(terms.triggers, base, current);
      triggers.push({
        period: q.period,
        display: q.display,
        reference: reference.label,
        fired: results
          .filter((t) => t.fired)
          .map((t) => ({
            measure: t.measure,
            change: t.change,
            threshold: t.threshold,
            arithmetic: t.arithmetic,
          })),
      });
    }
  }
  return {
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      origin: v.origin,
      createdAt: v.createdAt,
    })),
    proposals: proposals.map((p) => ({
      id: p.id,
      period: p.period,
      status: p.status,
      baseVersion: p.baseVersion,
      effectiveFrom: p.effectiveFrom,
      triggersFired: p.body.triggers.filter((t) => t.fired).map((t) => t.measure),
      appliedVersion: p.appliedVersion ?? null,
      decisions: p.decisions.map((d) => ({ party: d.party, decision: d.decision, decidedAt: d.decidedAt })),
    })),
    triggers,
  };
}
