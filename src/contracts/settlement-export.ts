import { settlementCsv } from '../core/export/settlement-csv.js';
import { settlementHtml } from '../core/export/settlement-html.js';
import type { ExportedSettlement } from '../core/export/settlement-rows.js';
import type { Language } from '../core/i18n/index.js';

/** The files a settlement exports to, for the CLI (`settle --format`) and the API (`settlement.xlsx|.csv|.pdf`). */
export const SETTLEMENT_FILES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type SettlementFile = keyof typeof SETTLEMENT_FILES;

export const isSettlementFile = (text: string): text is SettlementFile =>
  Object.hasOwn(SETTLEMENT_FILES, text);

/** The file's bytes; exceljs and Chromium load only when asked for. */
export async function exportSettlement(
  report: ExportedSettlement,
  format: SettlementFile,
  language: Language = 'en',
): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(settlementCsv(report), 'utf8');
  if (format === 'xlsx') return (await import('./settlement-xlsx.js')).settlementWorkbook(report);
  return (await import('../renewal/pdf.js')).htmlToPdf(settlementHtml(report, language));
}

export const settlementFileName = (report: ExportedSettlement, format: SettlementFile) =>
  `${report.contract}-settlement-${report.period}.${format}`;
