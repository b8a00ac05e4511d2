import { UserError } from '../core/issues.js';
import type { BacktestReport } from './backtest.js';
import { textTable } from './proposal-format.js';

/** `covenant backtest` output: per period, each line in force vs proposed and the difference; then the totals. */
export function formatBacktest(report: BacktestReport, format: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format !== 'table') throw new UserError(`--format ${format}: expected table or json`);
  const { currency } = report;
  const out = [
    `Back-test of ${report.proposed.contract} (${report.proposed.file}) against ${report.against.contract} ` +
      `(the stored versions in force), ${currency}, data as of ${report.asOf}`,
  ];
  for (const p of report.periods) {
    const versions = [...new Set(p.inForce.versions)].map((v) => `v${v}`).join('+');
    const flags = [
      p.inForce.provisional ? 'in force provisional' : '',
      p.proposed.provisional ? 'proposed provisional' : '',
    ].filter(Boolean);
    out.push(
      '',
      `${p.period} (in force: ${report.against.contract} ${versions})${flags.length ? `, ${flags.join(', ')}` : ''}`,
    );
    const rows = p.lines.map((l) => [l.label, l.inForce ?? '-', l.proposed ?? '-', l.difference]);
    rows.push(['total', p.inForce.total, p.proposed.total, p.difference]);
    out.push(textTable(['line', 'in force', 'proposed', 'difference'], rows));
  }
  out.push('', 'Totals');
  const rows = report.periods.map((p) => [p.period, p.inForce.total, p.proposed.total, p.difference]);
  rows.push(['all', report.totals.inForce, report.totals.proposed, report.totals.difference]);
  out.push(textTable(['period', 'in force', 'proposed', 'difference'], rows));
  return `${out.join('\n')}\n`;
}
