import { writeFile } from 'node:fs/promises';
import type { SettlementReport } from '../contracts/settle-contract.js';
import { exportSettlement, isSettlementFile, settlementFileName } from '../contracts/settlement-export.js';
import type { Language } from '../core/i18n/index.js';
import { formatSettlement } from './format-settlement.js';

/**
 * Where `covenant settle` puts its answer: table and json on standard output; csv there too
 * unless --output; xlsx and pdf always to a file (--output, default <contract>-settlement-<period>.<ext>).
 */
export async function printSettlement(
  report: SettlementReport,
  options: { format: string; output?: string; lang?: Language },
): Promise<void> {
  const { format, output } = options;
  if (!isSettlementFile(format) || (format === 'csv' && output === undefined)) {
    const text = formatSettlement(report, format);
    if (output === undefined) process.stdout.write(text);
    else await writeFile(output, text);
    return;
  }
  const file = output ?? settlementFileName(report, format);
  await writeFile(file, await exportSettlement(report, format, options.lang));
  const { currency, total } = report.invoice;
  process.stdout.write(
    `${file}: ${report.kind} settlement of ${report.contract} ${report.period}, total ${currency} ${total}\n`,
  );
}
