import type { SettlementReport } from '../contracts/settle-contract.js';
import { settlementCsv } from '../core/export/settlement-csv.js';
import { mechanicsRows } from '../core/export/settlement-mechanics.js';
import type { InvoiceLine } from '../core/settlement/types.js';
import { table } from './table.js';

/** An invoice as a table (with each line's trace), as JSON, or as CSV (core/export). */
export function formatSettlement(report: SettlementReport, format: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const lines = report.parts.flatMap((part) => part.lines.map((line) => ({ part, line })));
  if (format === 'csv') return settlementCsv(report);
  const head =
    `${report.contract} ${report.period}: ${report.kind.toUpperCase()} settlement ${report.settlementId}` +
    `${report.reproduced ? ' (reproduced the stored settlement to the cent)' : ''}`;
  const rows = lines.map(({ part, line }) => {
    const t = traceOf(line);
    return [
      part.part ? `v${part.version} ${part.part.from}..${part.part.to}` : `v${part.version}`,
      line.label,
      t.value === '' ? '' : `${t.value} (n ${t.n}, ${t.low}..${t.high})`,
      t.pay,
      line.amount,
    ];
  });
  const parts = [
    head,
    '',
    table(['version', 'line', 'measured', 'pay', 'amount'], rows),
    '',
    `total ${report.invoice.currency} ${report.invoice.total}`,
  ];
  if (report.trueUp) {
    const t = report.trueUp.total;
    parts.push(
      `true-up against ${report.trueUp.provisionalId}: provisional ${t.provisional}, final ${t.final}, difference ${t.difference}`,
    );
  }
  const mechanics = mechanicsRows(report);
  if (mechanics.length > 0)
    parts.push(
      '',
      table(
        ['mechanic', 'item', 'detail'],
        mechanics.map((m) => [m.topic, m.item, m.detail]),
      ),
    );
  if (report.improved?.length)
    parts.push(
      `continuous improvement made ${report.improved.map((v) => `v${v.version} effective ${v.effectiveFrom}`).join(', ')}`,
    );
  const provisional = report.parts.find((p) => p.provisional);
  if (provisional) parts.push(`provisional: final after ${provisional.maturesOn}`);
  return `${parts.join('\n')}\n`;
}

function traceOf(line: InvoiceLine) {
  const fmt = (x: number | null) => (x === null ? '' : String(Math.round(x * 10000) / 10000));
  if (line.kind !== 'outcome')
    return { metric: '', value: '', n: '', low: '', high: '', pay: '', rule: line.trace.rule };
  const t = line.trace;
  return {
    metric: t.metric,
    value: t.insufficient ? 'insufficient' : fmt(t.value),
    n: String(t.n),
    low: fmt(t.low),
    high: fmt(t.high),
    pay: `${(t.pay * 100).toFixed(1)}%`,
    rule: t.rule,
  };
}
