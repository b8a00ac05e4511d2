import { Money } from '../money/money.js';

/**
 * Adjustment lines: an accepted dispute on a settled line, carried on the next settlement
 * of the contract (the disputed settlement stays as stored). The line's amount is what the
 * parties agreed the disputed line should have been, less what it was.
 */
export interface AdjustmentLine {
  /** `dispute:D-12`: stable, so a final settlement's true-up matches its provisional one. */
  id: string;
  label: string;
  kind: 'adjustment';
  amount: string;
  exact: string;
  trace: {
    dispute: string;
    /** The disputed settlement, its period and line. */
    settlement: string;
    period: string;
    line: string;
    original: string;
    agreed: string;
    rule: string;
  };
}

export interface AcceptedDispute {
  id: string;
  settlement: string;
  period: string;
  line: string;
  lineLabel: string;
  original: string;
  agreed: string;
}

export function adjustmentLine(d: AcceptedDispute, currency: string): AdjustmentLine {
  const amount = Money.parse(d.agreed, currency).minus(Money.parse(d.original, currency)).toFixed();
  return {
    id: `dispute:${d.id}`,
    label: `dispute ${d.id}: ${d.lineLabel} (${d.period}) agreed at ${d.agreed}, invoiced ${d.original}`,
    kind: 'adjustment',
    amount,
    exact: amount,
    trace: {
      dispute: d.id,
      settlement: d.settlement,
      period: d.period,
      line: d.line,
      original: d.original,
      agreed: d.agreed,
      rule: `accepted dispute ${d.id} on ${d.line} of ${d.settlement}: agreed ${d.agreed} - invoiced ${d.original}`,
    },
  };
}

/** The invoice with the adjustment lines appended and its total moved by them. */
export function withAdjustments<I extends { currency: string; total: string; lines: readonly unknown[] }>(
  invoice: I,
  disputes: readonly AcceptedDispute[],
): I {
  if (disputes.length === 0) return invoice;
  const lines = disputes.map((d) => adjustmentLine(d, invoice.currency));
  const total = lines.reduce(
    (sum, l) => sum.plus(Money.parse(l.amount, invoice.currency)),
    Money.parse(invoice.total, invoice.currency),
  );
  return { ...invoice, lines: [...invoice.lines, ...lines], total: total.toFixed() };
}
