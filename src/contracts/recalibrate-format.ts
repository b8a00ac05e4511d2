import { UserError } from '../core/issues.js';
import { formatStaffing, formatTargets, formatTriggers, proposalHeader } from './proposal-format.js';
import type { RecalibrationReport } from './recalibrate.js';

/** `covenant recalibrate` output: the triggers, then the proposal made (summary; `proposal show` has every step). */
export function formatRecalibration(report: RecalibrationReport, format: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format !== 'table') throw new UserError(`--format ${format}: expected table or json`);
  const out = [
    `${report.contract} v${report.version}: triggers on ${report.period} against the reference ${report.reference}`,
    '',
    formatTriggers(report.triggers),
    '',
  ];
  const p = report.proposal;
  if (report.outcome === 'no_trigger' || !p) {
    out.push(`No trigger fired: no proposal; version ${report.version} stays as it is.`);
    return `${out.join('\n')}\n`;
  }
  const what = {
    proposed: `Proposal ${p.id} stored.`,
    dry_run: `Dry run: proposal ${p.id} computed, not stored.`,
    already_open: `Proposal ${p.id} for ${p.period} is already open: nothing new stored.`,
    no_trigger: '',
  }[report.outcome];
  out.push(
    what,
    proposalHeader(p),
    '',
    'Mix-adjusted targets:',
    formatTargets(p.body.targets, false),
    '',
    'Staffing-model unit rate:',
    formatStaffing(p.body.staffing, false),
  );
  if (p.body.notes.length > 0) out.push('', ...p.body.notes.map((n) => `note: ${n}`));
  out.push(
    '',
    `Every segment and interval step: covenant proposal show ${p.id}`,
    `Decide: covenant proposal approve|reject ${p.id} --as ${p.body.approval.join('|')}`,
  );
  return `${out.join('\n')}\n`;
}
