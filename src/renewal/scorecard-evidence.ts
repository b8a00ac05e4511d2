import type { EvidenceSummary } from '../core/renewal/types.js';
import { listAlerts } from '../evidence/alerts.js';
import { estimateExperiment } from '../evidence/estimate-experiment.js';
import { listExperiments } from '../evidence/experiment-store.js';
import type { Ctx } from './scorecard-context.js';

/** The contract's experiments, each estimated now, and its stored alert history up to the as-of instant. */
export async function evidence(ctx: Ctx, contractId: string): Promise<EvidenceSummary> {
  const { store, tenant, asOf } = ctx;
  const experiments: EvidenceSummary['experiments'] = [];
  for (const def of await listExperiments(store, tenant, contractId)) {
    const e = await estimateExperiment(store, tenant, def, { asOf });
    experiments.push({
      id: def.id,
      title: def.title,
      metric: def.metric,
      start: def.start,
      effect: e.effect,
      low: e.low,
      high: e.high,
      p: e.p,
      insufficient: e.insufficient,
      cells: {
        treatedPre: { value: e.cells.treatedPre.value, n: e.cells.treatedPre.n },
        treatedPost: { value: e.cells.treatedPost.value, n: e.cells.treatedPost.n },
        controlPre: { value: e.cells.controlPre.value, n: e.cells.controlPre.n },
        controlPost: { value: e.cells.controlPost.value, n: e.cells.controlPost.n },
      },
    });
  }
  const alerts = (await listAlerts(store, tenant, contractId))
    .filter((a) => a.asOf <= asOf)
    .map((a) => ({
      asOf: a.asOf,
      period: a.period,
      portfolio: a.portfolio,
      metric: a.metric,
      previousState: a.previousState,
      state: a.state,
      change: a.change,
      moneyAtRisk: a.moneyAtRisk,
    }));
  return { experiments, alerts };
}
