import { Decimal } from 'decimal.js';
import type { Contract, PayoutCurve } from '../core/contract/types.js';

/**
 * An independent settlement calculator for tests: contract-format.md's rules written out
 * again, plainly, from the outcome values and the base units, so the settlement code is
 * checked against a second reading of the spec rather than against itself.
 */
export interface OracleOutcome {
  portfolio: string;
  metric: string;
  value: number | null;
  n: number;
}

const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

function pay(curve: PayoutCurve, higher: boolean, value: number): number {
  const points = curve.points;
  const better = (a: number, b: number) => (higher ? a >= b : a <= b);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('no points');
  if (!better(value, first.at)) return first.pay;
  if (better(value, last.at)) return last.pay;
  let i = 0;
  while (i + 1 < points.length && better(value, (points[i + 1] as { at: number }).at)) i += 1;
  const a = points[i] as { at: number; pay: number };
  if (curve.interpolate === 'step' || value === a.at) return a.pay;
  const b = points[i + 1] as { at: number; pay: number };
  return a.pay + ((value - a.at) / (b.at - a.at)) * (b.pay - a.pay);
}

export function oracleTotal(contract: Contract, baseUnits: number, outcomes: OracleOutcome[]): string {
  const baseFee = cents(new Decimal(contract.pricing.base.rate).times(baseUnits));
  const atRisk = baseFee.times(contract.pricing.atRisk);
  let bonuses = new Decimal(0);
  let penalties = new Decimal(0);
  for (const portfolio of contract.portfolios) {
    for (const outcome of portfolio.outcomes) {
      const m = outcomes.find((o) => o.portfolio === portfolio.id && o.metric === outcome.metric);
      if (!m) throw new Error(`no value for ${portfolio.id}/${outcome.metric}`);
      if (m.value === null || m.n < portfolio.minSample) continue;
      const allocation = atRisk.times(portfolio.weight).times(outcome.weight);
      const line = cents(allocation.times(pay(outcome.payout, outcome.direction === 'higher', m.value)));
      if (line.isPositive()) bonuses = bonuses.plus(line);
      else penalties = penalties.plus(line);
    }
  }
  const bonusLimit = cents(baseFee.times(contract.pricing.bonusCap));
  const penaltyLimit = cents(atRisk).negated();
  const paidBonuses = Decimal.min(bonuses, bonusLimit);
  const paidPenalties = Decimal.max(penalties, penaltyLimit);
  return baseFee.plus(paidBonuses).plus(paidPenalties).toFixed(2);
}
