import { Money } from '../money/money.js';
import { latestDate } from './settle.js';
import type { InvoiceLike, InvoiceLine, Settlement } from './types.js';

/** The final settlement against the provisional one, line by line (matched on line id) and in total. */
export interface TrueUp {
  contract: string;
  period: string;
  currency: string;
  lines: {
    id: string;
    label: string;
    provisional: string | null;
    final: string | null;
    difference: string;
  }[];
  total: { provisional: string; final: string; difference: string };
}

export function trueUp(provisional: InvoiceLike, final: InvoiceLike): TrueUp {
  for (const key of ['contract', 'period', 'currency'] as const) {
    if (provisional[key] !== final[key]) {
      throw new RangeError(`a true-up compares one ${key}: ${provisional[key]} is not ${final[key]}`);
    }
  }
  const { currency } = final;
  const money = (amount: string | null) => Money.parse(amount ?? '0', currency);
  const before = new Map(provisional.lines.map((line) => [line.id, line]));
  const after = new Map(final.lines.map((line) => [line.id, line]));
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  return {
    contract: final.contract,
    period: final.period,
    currency,
    lines: ids.map((id) => {
      const [a, b] = [before.get(id), after.get(id)];
      const [old, now] = [a?.amount ?? null, b?.amount ?? null];
      return {
        id,
        label: (b ?? a)?.label ?? id,
        provisional: old,
        final: now,
        difference: money(now).minus(money(old)).toFixed(),
      };
    }),
    total: {
      provisional: provisional.total,
      final: final.total,
      difference: money(final.total).minus(money(provisional.total)).toFixed(),
    },
  };
}

/** A period split by a version change: each part settled on its own version and data, shown as one invoice. */
export interface CombinedInvoice extends InvoiceLike {
  provisional: boolean;
  maturesOn: string | null;
  parts: Settlement[];
  lines: (InvoiceLine & { part: number; version: number })[];
}

export function combineParts(parts: readonly Settlement[]): CombinedInvoice {
  const [first] = parts;
  if (!first) throw new RangeError('combineParts needs at least one part');
  for (const part of parts) {
    if (
      part.contract !== first.contract ||
      part.period !== first.period ||
      part.currency !== first.currency
    ) {
      throw new RangeError(
        `parts of one invoice share contract, period and currency: ${part.contract} ${part.period} ${part.currency}`,
      );
    }
  }
  const ordered = [...parts].sort((a, b) => (a.part?.from ?? '').localeCompare(b.part?.from ?? ''));
  const dates = ordered.map((part) => part.maturesOn).filter((date): date is string => date !== null);
  return {
    contract: first.contract,
    period: first.period,
    currency: first.currency,
    provisional: ordered.some((part) => part.provisional),
    maturesOn: latestDate(dates),
    parts: ordered,
    // Each part keeps its own caps: they are terms of the version in force.
    lines: ordered.flatMap((part, index) =>
      part.lines.map((line) => ({
        ...line,
        id: `part${index + 1}:${line.id}`,
        label: `${line.label} (v${part.version}${part.part ? `, ${part.part.from}..${part.part.to}` : ''})`,
        part: index + 1,
        version: part.version,
      })),
    ),
    total: Money.sum(
      first.currency,
      ordered.map((part) => Money.parse(part.total, first.currency)),
    ).toFixed(),
  };
}
