import type { CombinedInvoice } from '../settlement/true-up.js';
import type { InvoiceLine, LineScope, Settlement } from '../settlement/types.js';

/**
 * A settlement as the rows every export shows (CSV, XLSX, PDF): the invoice lines with
 * their amounts, and each line's trace. One reading, so the three files always agree.
 */

export interface ExportedSettlement {
  settlementId?: string;
  contract: string;
  period: string;
  kind: 'provisional' | 'final';
  invoice: Settlement | CombinedInvoice;
  parts: Settlement[];
}

export interface InvoiceRow {
  /** `v2 2026-02-15..2026-03-31` when a version change split the period, else ''. */
  part: string;
  id: string;
  label: string;
  kind: InvoiceLine['kind'];
  /** The invoiced amount (rounded), exact decimal text. */
  amount: string;
  exact: string;
}

export interface TraceRow {
  part: string;
  id: string;
  metric: string;
  scope: string;
  value: number | null;
  insufficient: boolean;
  n: number | null;
  low: number | null;
  high: number | null;
  matured: boolean | null;
  target: number | null;
  points: string;
  pay: number | null;
  allocation: string;
  rule: string;
}

const partLabel = (part: Settlement, split: boolean) =>
  split && part.part ? `v${part.version} ${part.part.from}..${part.part.to}` : '';

function lineRows(report: ExportedSettlement): { part: string; line: InvoiceLine }[] {
  const split = report.parts.length > 1;
  return report.parts.flatMap((part) => part.lines.map((line) => ({ part: partLabel(part, split), line })));
}

export function invoiceRows(report: ExportedSettlement): InvoiceRow[] {
  return lineRows(report).map(({ part, line }) => ({
    part,
    id: line.id,
    label: line.label,
    kind: line.kind,
    amount: line.amount,
    exact: line.exact,
  }));
}

export function scopeText(scope: LineScope): string {
  const workflows = scope.workflows === null ? 'all workflows' : scope.workflows.join(', ');
  return `${scope.vendor}${scope.portfolio ? ` / ${scope.portfolio}` : ''}: ${workflows}`;
}

export function traceRows(report: ExportedSettlement): TraceRow[] {
  return lineRows(report).map(({ part, line }) => {
    // A dispute's adjustment line has no measured scope: its trace names the dispute instead.
    const scope = 'scope' in line.trace ? scopeText(line.trace.scope) : '';
    const base = { part, id: line.id, scope, rule: line.trace.rule };
    if (line.kind !== 'outcome')
      return {
        ...base,
        metric: '',
        value: null,
        insufficient: false,
        n: null,
        low: null,
        high: null,
        matured: null,
        target: null,
        points: '',
        pay: null,
        allocation: '',
      };
    const t = line.trace;
    return {
      ...base,
      metric: t.metric,
      value: t.value,
      insufficient: t.insufficient,
      n: t.n,
      low: t.low,
      high: t.high,
      matured: t.matured,
      target: t.target,
      points: t.points.map((p) => `${p.at} → ${p.pay}`).join('; '),
      pay: t.pay,
      allocation: t.allocation,
    };
  });
}

export const INVOICE_HEAD = ['part', 'line', 'label', 'kind', 'amount', 'exact'] as const;
export const TRACE_HEAD = [
  'part',
  'line',
  'metric',
  'scope',
  'value',
  'insufficient',
  'n',
  'low',
  'high',
  'matured',
  'target',
  'curve points (value → pay)',
  'pay',
  'allocation',
  'rule',
] as const;

export const traceCells = (r: TraceRow) => [
  r.part,
  r.id,
  r.metric,
  r.scope,
  r.value,
  r.insufficient,
  r.n,
  r.low,
  r.high,
  r.matured,
  r.target,
  r.points,
  r.pay,
  r.allocation,
  r.rule,
];
