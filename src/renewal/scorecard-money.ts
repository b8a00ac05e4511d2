import type { StoredVersion } from '../contracts/contract-store.js';
import { computeSettlement } from '../contracts/settle-contract.js';
import { mechanicsInSequence } from '../contracts/settle-mechanics.js';
import { valueMetrics } from '../contracts/value-metrics.js';
import { moneyPeriod, relativeChange } from '../core/renewal/model.js';
import type { MoneyPeriod, TermPeriod, ValuePeriod } from '../core/renewal/types.js';
import type { Settlement } from '../core/settlement/types.js';
import { type Ctx, windowIn } from './scorecard-context.js';

/** The scorecard's money: the invoice of each settlement period (computed, not stored), then cost and value per contact by quarter. */

export interface SettledPeriod {
  period: string;
  parts: Settlement[];
  money: MoneyPeriod;
}

export async function settle(
  ctx: Ctx,
  contractId: string,
  periods: TermPeriod[],
  versions: readonly StoredVersion[] = [],
): Promise<SettledPeriod[]> {
  const computed = [];
  for (const p of periods) {
    const { kind, parts } = await computeSettlement(
      ctx.store,
      ctx.tenant,
      contractId,
      windowIn(ctx, p.period),
      ctx.asOf,
    );
    computed.push({ period: p.period, parts, kind, term: p });
  }
  // Earn-back and chronic failure over the term's periods in order (docs/contracts.md).
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  const settled = mechanicsInSequence(computed, (part) => {
    const version = byVersion.get(part.version);
    return { contract: version?.contract ?? ctx.contract, ...(version ? { version } : {}) };
  });
  return computed.map((c, i) => {
    const parts = settled[i] ?? c.parts;
    return { period: c.period, parts, money: moneyPeriod(c.term, c.kind, parts) };
  });
}

export async function value(ctx: Ctx, contractId: string, quarters: TermPeriod[]) {
  const periods: ValuePeriod[] = [];
  for (const q of quarters) {
    const results = await valueMetrics(ctx.store, {
      tenant: ctx.tenant,
      contractId,
      periods: [windowIn(ctx, q.period)],
      metrics: ['cost_per_contact', 'value_per_contact'],
      asOf: ctx.asOf,
    });
    const get = (id: string) => results.find((r) => r.metric === id);
    periods.push({
      period: q.period,
      display: q.display,
      contacts: get('cost_per_contact')?.n ?? 0,
      costPerContact: get('cost_per_contact')?.value ?? null,
      valuePerContact: get('value_per_contact')?.value ?? null,
    });
  }
  const withData = periods.filter((p) => p.costPerContact !== null && p.valuePerContact !== null);
  const [first, last] = [withData[0], withData.at(-1)];
  return {
    periods,
    costChange: relativeChange(first?.costPerContact, last?.costPerContact),
    valueChange: relativeChange(first?.valuePerContact, last?.valuePerContact),
  };
}
