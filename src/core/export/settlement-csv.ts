import { toCsv } from './csv.js';
import {
  type ExportedSettlement,
  INVOICE_HEAD,
  invoiceRows,
  TRACE_HEAD,
  traceCells,
  traceRows,
} from './settlement-rows.js';

/**
 * The settlement as one CSV: a record per invoice line (the invoice columns, then its
 * trace), and a last record `total` with the invoice total. Through the project's one CSV
 * writer, so a formula-like workflow or label arrives inert.
 */
export function settlementCsv(report: ExportedSettlement): string {
  const traces = traceRows(report);
  const rows = invoiceRows(report).map((row, index) => {
    const trace = traces[index];
    return [
      row.part,
      row.id,
      row.label,
      row.kind,
      row.amount,
      row.exact,
      ...(trace ? traceCells(trace).slice(2) : []),
    ];
  });
  const { total } = report.invoice;
  const head = [...INVOICE_HEAD, ...TRACE_HEAD.slice(2)];
  rows.push(['', 'total', 'Total', 'total', total, total, ...head.slice(6).map(() => '')]);
  return toCsv(head, rows);
}
