import { percent } from '../../contract/payout.js';
import type { EarnBackTerms } from '../../contract/types.js';
import type { LineScope } from '../types.js';
import { type PeriodOutcome, periodOutcomes } from './period-outcomes.js';
import type { EarnBackLine, PeriodRecord } from './types.js';

/**
 * Earn-back (contract-format.md): a penalty charged in period P is given back, `share` of
 * what was charged, as a credit line on period P + `periods` when the outcome met its
 * target in each of the periods after P up to it. Only a final P's penalty is eligible.
 * `sequence` holds consecutive settlement periods, oldest first, the current one last.
 */
export function earnBackLines(
  terms: EarnBackTerms,
  sequence: readonly PeriodRecord[],
  scopeOf: (portfolio: string, metric: string) => LineScope,
): EarnBackLine[] {
  const current = sequence.at(-1);
  const penaltyAt = sequence.length - 1 - terms.periods;
  const penaltyRecord = sequence[penaltyAt];
  if (!current || penaltyAt < 0 || !penaltyRecord || penaltyRecord.kind !== 'final') return [];
  const penalties = periodOutcomes(penaltyRecord);
  const after = sequence.slice(penaltyAt + 1).map((record) => ({ record, outcomes: periodOutcomes(record) }));
  const lines: EarnBackLine[] = [];
  for (const [key, penalty] of penalties) {
    if (!penalty.charged.isNegative()) continue;
    const held = after.map(({ record, outcomes }) => ({ period: record.period, outcome: outcomes.get(key) }));
    if (!held.every((h) => h.outcome?.met)) continue;
    lines.push(
      lineOf(terms, penaltyRecord, penalty, held as { period: string; outcome: PeriodOutcome }[], scopeOf),
    );
  }
  return lines;
}

function lineOf(
  terms: EarnBackTerms,
  record: PeriodRecord,
  penalty: PeriodOutcome,
  held: { period: string; outcome: PeriodOutcome }[],
  scopeOf: (portfolio: string, metric: string) => LineScope,
): EarnBackLine {
  const rounding = record.parts[0]?.rounding ?? 'half_up';
  const exact = penalty.charged.negated().times(terms.share);
  const amount = exact.round(rounding);
  const periods = held.map((h) => h.period).join(', ');
  const cut = penalty.charged.equals(penalty.invoiced)
    ? ''
    : ` (invoiced ${penalty.invoiced.toFixed()}, of which the penalty cap gave back ${penalty.charged.minus(penalty.invoiced).toFixed()})`;
  return {
    kind: 'earn_back',
    id: `earn-back:${penalty.portfolio}/${penalty.metric}@${record.period}`,
    label: `Earn-back: ${penalty.label} (penalty of ${record.period})`,
    amount: amount.toFixed(),
    exact: exact.toFixed(),
    portfolio: penalty.portfolio,
    metric: penalty.metric,
    trace: {
      scope: scopeOf(penalty.portfolio, penalty.metric),
      penalty: {
        period: record.period,
        settlement: record.settlementId,
        line: penalty.line,
        invoiced: penalty.invoiced.toFixed(),
        charged: penalty.charged.toFixed(),
      },
      share: terms.share,
      periods: terms.periods,
      held: held.map((h) => ({ period: h.period, value: h.outcome.value, target: h.outcome.target })),
      rule:
        `earn-back = ${percent(terms.share)} of the penalty charged in ${record.period} ` +
        `(${penalty.charged.toFixed()}${cut}), rounded ${rounding}: the outcome met its target in ${periods}` +
        ` (settlement ${record.settlementId ?? `${record.period} settled again`})`,
    },
  };
}
