import ExcelJS from 'exceljs';
import { type Cell, inertText } from '../core/export/csv.js';
import { mechanicsRows } from '../core/export/settlement-mechanics.js';
import {
  type ExportedSettlement,
  INVOICE_HEAD,
  invoiceRows,
  TRACE_HEAD,
  traceCells,
  traceRows,
} from '../core/export/settlement-rows.js';
import { minorUnit } from '../core/money/index.js';

/**
 * The settlement as a workbook finance can file: an Invoice sheet (the lines, amounts as
 * numbers in the currency's format, the total as a SUM formula with its value cached, and
 * the settled total as a plain value) and a Trace sheet (every line's metric, scope, value,
 * n, interval and curve points). Every text cell goes through inertText, as in the CSV.
 */

/** `#,##0.00 "EUR"`: ISO minor units, the code after the amount (no locale-specific symbol). */
export function currencyFormat(currency: string): string {
  const digits = minorUnit(currency);
  return `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${currency}"`;
}

const text = (value: Cell): ExcelJS.CellValue =>
  typeof value === 'string' ? inertText(value) : value === undefined ? null : value;

/** Where the invoice's total sits, for readers (and tests) of the workbook. */
export const TOTAL_LABEL = 'Total';
export const SETTLED_TOTAL_LABEL = 'Total as settled';

export async function settlementWorkbook(report: ExportedSettlement): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Covenant';
  const { currency, total } = report.invoice;
  const money = currencyFormat(currency);

  const invoice = book.addWorksheet('Invoice');
  invoice.addRow([text(`Settlement of ${report.contract}, ${report.period} (${report.kind})`)]).font = {
    bold: true,
    size: 14,
  };
  invoice.addRow([text(`Settlement ${report.settlementId ?? '(not stored)'}; currency ${currency}`)]);
  invoice.addRow([]);
  const head = invoice.addRow(INVOICE_HEAD.map((h) => (h === 'amount' ? `amount (${currency})` : h)));
  head.font = { bold: true };
  const first = head.number + 1;
  for (const row of invoiceRows(report)) {
    const added = invoice.addRow(
      [row.part, row.id, row.label, row.kind, Number(row.amount), row.exact].map(text),
    );
    added.getCell(5).numFmt = money;
  }
  const last = invoice.rowCount;
  const totalRow = invoice.addRow([null, null, TOTAL_LABEL, null, null, total]);
  totalRow.getCell(5).value = { formula: `SUM(E${first}:E${last})`, result: Number(total) };
  const settledRow = invoice.addRow([null, null, SETTLED_TOTAL_LABEL, null, Number(total), total]);
  for (const row of [totalRow, settledRow]) {
    row.font = { bold: true };
    row.getCell(5).numFmt = money;
  }
  invoice.columns.forEach((column, index) => {
    column.width = [22, 34, 48, 12, 18, 16][index] ?? 14;
  });

  const trace = book.addWorksheet('Trace');
  trace.addRow([...TRACE_HEAD]).font = { bold: true };
  for (const row of traceRows(report)) {
    const added = trace.addRow(traceCells(row).map(text));
    added.getCell(13).numFmt = '0.0%';
  }
  trace.columns.forEach((column, index) => {
    column.width = index === 3 || index === 11 || index === 14 ? 40 : 14;
  });

  const mechanics = mechanicsRows(report);
  if (mechanics.length > 0) {
    const sheet = book.addWorksheet('Mechanics');
    sheet.addRow(['mechanic', 'item', 'detail']).font = { bold: true };
    for (const m of mechanics) sheet.addRow([m.topic, m.item, m.detail].map(text));
    sheet.columns.forEach((column, index) => {
      column.width = [22, 40, 110][index] ?? 14;
    });
  }

  return Buffer.from(await book.xlsx.writeBuffer());
}
