import ExcelJS from 'exceljs';
import { inertText } from '../core/export/csv.js';

const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A dashboard table as a one-sheet workbook (the XLSX download beside every table): plain
 * decimal cells become numbers, every other cell inert text, as in the CSV download.
 */
export async function tableWorkbook(title: string, header: string[], rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Covenant';
  const sheet = book.addWorksheet(
    inertText(title)
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 31) || 'Table',
  );
  sheet.addRow(header.map(inertText)).font = { bold: true };
  for (const row of rows)
    sheet.addRow(row.map((cell) => (PLAIN_NUMBER.test(cell) ? Number(cell) : inertText(cell))));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
