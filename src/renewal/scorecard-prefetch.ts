import { prefetchOutcomes } from '../contracts/measure-outcomes.js';
import { prefetchTriggerMeasures } from '../contracts/recalibrate-data.js';
import { prefetchValueCounts } from '../contracts/value-metrics.js';
import type { TermPeriod } from '../core/renewal/types.js';
import { parseWindows } from '../core/time/period-window.js';
import { type Ctx, windowIn } from './scorecard-context.js';

/**
 * Before the scorecard's parts ask period by period: its outcomes over the term, the
 * quarters and the settlement periods, and the value metrics' counts by quarter, each
 * measured for all periods at once (one scan of the contacts per scope, not one per
 * period), and the recalibration triggers' measures of the reference and each quarter. The parts then read these through the report's store; the values are the
 * ones a lone period's query gives.
 */
export async function prefetch(
  ctx: Ctx,
  contractId: string,
  periods: TermPeriod[],
  quarters: TermPeriod[],
): Promise<void> {
  const windows = [...new Map(periods.map((p) => [p.period, windowIn(ctx, p.period)])).values()];
  await prefetchOutcomes(ctx.store, ctx.tenant, ctx.contract, windows, ctx.asOf);
  const byQuarter = quarters.map((q) => windowIn(ctx, q.period));
  await prefetchValueCounts(ctx.store, {
    tenant: ctx.tenant,
    contractId,
    periods: byQuarter,
    asOf: ctx.asOf,
  });
  const reference = ctx.contract.recalibration?.reference;
  if (reference && ctx.contract.recalibration?.triggers.length) {
    const windows = [
      ...parseWindows(reference, ctx.contract.timezone, 'recalibration.reference'),
      ...byQuarter,
    ];
    const distinct = [...new Map(windows.map((w) => [w.label, w])).values()];
    await prefetchTriggerMeasures(ctx.store, ctx.tenant, ctx.contract, distinct, ctx.asOf);
  }
}
