import type { Contract } from '../core/contract/types.js';
import { Money } from '../core/money/money.js';
import type { MechanicsSummary } from '../core/renewal/types.js';
import type { EarnBackLine } from '../core/settlement/mechanics/types.js';
import type { SettledPeriod } from './scorecard-money.js';

/**
 * The renewal's reading of the mechanics: the termination rights chronic failure gave over
 * the term so far (with the periods that made them), the outcomes one default short, and
 * the penalties earned back. Nothing when the contract has neither mechanic.
 */
export function mechanicsSummary(
  contract: Contract,
  settlements: readonly SettledPeriod[],
): { mechanics?: MechanicsSummary } {
  if (!contract.chronicFailure && !contract.earnBack) return {};
  const last = settlements.at(-1)?.parts.at(-1)?.mechanics?.chronicFailure;
  const outcomes = last?.outcomes ?? [];
  const earnBacks = settlements.flatMap((s) =>
    s.parts.flatMap((part) =>
      part.lines
        .filter((l): l is EarnBackLine => l.kind === 'earn_back')
        .map((l) => ({
          period: s.period,
          line: l.id,
          label: l.label,
          penaltyPeriod: l.trace.penalty.period,
          amount: l.amount,
        })),
    ),
  );
  return {
    mechanics: {
      chronicFailure: contract.chronicFailure ?? null,
      terminationRights: outcomes.flatMap((o) =>
        o.terminationRight
          ? [{ portfolio: o.portfolio, metric: o.metric, label: o.label, ...o.terminationRight }]
          : [],
      ),
      oneShort: outcomes
        .filter((o) => o.oneShort)
        .map((o) => ({ portfolio: o.portfolio, metric: o.metric, label: o.label, periods: o.defaults })),
      earnBack: contract.earnBack ?? null,
      earnBacks,
      earnBackTotal: Money.sum(
        contract.currency,
        earnBacks.map((e) => Money.parse(e.amount, contract.currency)),
      ).toFixed(),
    },
  };
}
