import { Decimal } from 'decimal.js';
import { targetMet } from '../../contract/payout.js';
import { Money } from '../../money/money.js';
import type { CapLine, OutcomeLine, Settlement } from '../types.js';
import type { PeriodRecord } from './types.js';

/**
 * One outcome over one settlement period, across the parts a version change may have
 * split it into: what was charged, whether it defaulted and whether it met its target.
 */
export interface PeriodOutcome {
  portfolio: string;
  metric: string;
  label: string;
  /** The outcome line's id (of the last part). */
  line: string;
  /** The outcome lines as invoiced, summed over the parts. */
  invoiced: Money;
  /** The penalty actually charged: each part's penalty lines less their share of its penalty cap. */
  charged: Money;
  /** Some part paid below 0% on a measured value (a "service level default"). */
  defaulted: boolean;
  /** Every part measured a value that meets the target in force. */
  met: boolean;
  value: number | null;
  target: number;
}

const isOutcome = (line: Settlement['lines'][number]): line is OutcomeLine => line.kind === 'outcome';

/**
 * A penalty cut by the penalty cap is charged only in part: each penalty line bears the
 * cut pro rata to its amount (the cap line's limit / the penalties' total), rounded as the
 * contract rounds. Without a cut the line is what was charged.
 */
export function chargedOf(part: Settlement, line: OutcomeLine): Money {
  const amount = Money.parse(line.amount, part.currency);
  if (!amount.isNegative()) return Money.zero(part.currency);
  const cap = part.lines.find((l): l is CapLine => l.kind === 'penalty_cap');
  if (!cap) return amount;
  // amount x limit / total is a repeating decimal in general (2/3): rounded before it becomes money.
  const share = amount.amount
    .times(Money.parse(cap.trace.limit, part.currency).amount)
    .div(Money.parse(cap.trace.total, part.currency).amount);
  const mode = part.rounding === 'half_even' ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
  return Money.of(share.toDecimalPlaces(amount.minorUnit, mode), part.currency);
}

export function periodOutcomes(record: PeriodRecord): Map<string, PeriodOutcome> {
  const out = new Map<string, PeriodOutcome>();
  for (const part of record.parts) {
    for (const line of part.lines.filter(isOutcome)) {
      const key = `${line.portfolio}/${line.metric}`;
      const t = line.trace;
      const measured = !t.insufficient && t.value !== null;
      const met = measured && targetMet(t.value as number, t.target, t.direction);
      const seen = out.get(key);
      const invoiced = Money.parse(line.amount, part.currency);
      const charged = chargedOf(part, line);
      out.set(key, {
        portfolio: line.portfolio,
        metric: line.metric,
        label: line.label,
        line: line.id,
        invoiced: seen ? seen.invoiced.plus(invoiced) : invoiced,
        charged: seen ? seen.charged.plus(charged) : charged,
        defaulted: (seen?.defaulted ?? false) || (measured && t.pay < 0),
        met: (seen?.met ?? true) && met,
        value: t.value,
        target: t.target,
      });
    }
  }
  return out;
}
