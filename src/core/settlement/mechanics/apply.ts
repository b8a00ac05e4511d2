import { outcomeScope } from '../../contract/outcome-scope.js';
import type { Contract } from '../../contract/types.js';
import { metricInfo } from '../../metric/catalog.js';
import { Money } from '../../money/money.js';
import type { LineScope, Settlement } from '../types.js';
import { chronicFailure } from './chronic-failure.js';
import { earnBackLines } from './earn-back.js';
import type { Improvement, PeriodRecord, SettlementMechanics } from './types.js';

export const hasMechanics = (c: Contract): boolean =>
  c.pricing.allocationPool !== undefined ||
  c.earnBack !== undefined ||
  c.chronicFailure !== undefined ||
  c.continuousImprovement !== undefined;

/** How many settlement periods before the current one the mechanics of these terms read. */
export const lookBack = (c: Contract): number =>
  Math.max(c.earnBack?.periods ?? 0, c.chronicFailure ? Number.POSITIVE_INFINITY : 0);

export interface MechanicsInput {
  /** The current period's parts as settled, each with the contract version it was settled on. */
  parts: readonly { settlement: Settlement; contract: Contract; improvement?: Improvement }[];
  kind: 'provisional' | 'final';
  /**
   * The settlement periods before the current one, consecutive, oldest first: from the
   * term's start for chronic failure, at least `earnBack.periods` of them for earn-back.
   */
  history: readonly PeriodRecord[];
}

/**
 * The mechanics applied to one period's settlement: earn-back credit lines on the last
 * part (the one that completes the condition), its total moved by them, and the trace of
 * each part (pool, terms, defaults counted, the improvement that made its version).
 * Parts of a contract without mechanics come back unchanged.
 */
export function applyMechanics(input: MechanicsInput): Settlement[] {
  const current: PeriodRecord = {
    period: input.parts[0]?.settlement.period ?? '',
    parts: input.parts.map((p) => p.settlement),
    kind: input.kind,
    settlementId: null,
  };
  const sequence = [...input.history, current];
  return input.parts.map(({ settlement, contract, improvement }, index) => {
    if (!hasMechanics(contract) && !improvement) return settlement;
    const last = index === input.parts.length - 1;
    const mechanics: SettlementMechanics = {
      ...(contract.pricing.allocationPool === undefined
        ? {}
        : { allocationPool: contract.pricing.allocationPool }),
      ...(contract.earnBack ? { earnBack: contract.earnBack } : {}),
      ...(contract.chronicFailure && last
        ? {
            chronicFailure: {
              ...contract.chronicFailure,
              periods: sequence.map((r) => r.period),
              outcomes: chronicFailure(contract.chronicFailure, contract, sequence),
            },
          }
        : {}),
      ...(improvement ? { improvement } : {}),
    };
    const credits =
      contract.earnBack && last
        ? earnBackLines(contract.earnBack, sequence, scopeIn(contract, settlement))
        : [];
    const total = credits.reduce(
      (sum, line) => sum.plus(Money.parse(line.amount, settlement.currency)),
      Money.parse(settlement.total, settlement.currency),
    );
    return { ...settlement, lines: [...settlement.lines, ...credits], total: total.toFixed(), mechanics };
  });
}

const scopeIn =
  (contract: Contract, settlement: Settlement) =>
  (portfolioId: string, metric: string): LineScope => {
    const portfolio = contract.portfolios.find((p) => p.id === portfolioId);
    const info = metricInfo(metric);
    const workflows = portfolio?.workflows ?? contract.workflows;
    return {
      vendor: contract.vendor,
      portfolio: portfolioId,
      workflows: info ? outcomeScope(info, contract.vendor, workflows).workflows : workflows,
      period: settlement.period,
      ...(settlement.part ? { part: settlement.part } : {}),
    };
  };
