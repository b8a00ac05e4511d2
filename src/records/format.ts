import { UserError } from '../core/issues.js';
import { textTable } from '../core/text-table.js';
import type { AuditEntry } from './audit.js';
import type { Dispute } from './disputes.js';

/** Text, JSON and CSV output of the records commands. */
export function checkFormat(format: string, allowed: string[]): string {
  if (!allowed.includes(format)) throw new UserError(`--format ${format}: expected ${allowed.join(', ')}`);
  return format;
}

const csvCell = (value: unknown): string => {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const csv = (headers: string[], rows: unknown[][]): string =>
  `${[headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

export function formatAudit(entries: (AuditEntry & { hash: string })[], format: string): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  const headers = ['seq', 'at', 'actor', 'action', 'subject', 'before', 'after', 'detail', 'hash'];
  const rows = entries.map((e) => [
    e.seq,
    e.at,
    e.actor,
    e.action,
    e.subject,
    e.before,
    e.after,
    e.detail,
    e.hash,
  ]);
  if (format === 'csv') return csv(headers, rows);
  return `${textTable(
    headers.slice(0, 7),
    rows.map((r) => r.slice(0, 7).map((c) => (c === null ? '' : String(c)))),
  )}\n`;
}

export function formatDisputes(disputes: Dispute[], format: string): string {
  if (format === 'json') return `${JSON.stringify(disputes, null, 2)}\n`;
  if (disputes.length === 0) return 'no disputes\n';
  return `${textTable(
    [
      'id',
      'status',
      'contract',
      'period',
      'line',
      'invoiced',
      'claimed',
      'agreed',
      'opened by',
      'carried on',
    ],
    disputes.map((d) => [
      d.id,
      d.status,
      d.contract,
      d.period,
      d.line,
      d.lineAmount,
      d.claimed,
      d.agreed ?? '',
      d.openedParty,
      d.appliedSettlement ?? '',
    ]),
  )}\n`;
}

export function formatDispute(d: Dispute, format: string): string {
  if (format === 'json') return `${JSON.stringify(d, null, 2)}\n`;
  const head = [
    `${d.id} (${d.status}) on ${d.line} "${d.lineLabel}" of ${d.settlement}`,
    `  invoiced ${d.lineAmount} ${d.currency}, claimed ${d.claimed}${d.agreed === null ? '' : `, agreed ${d.agreed}`}`,
    `  opened by the ${d.openedParty} (${d.openedBy}) at ${d.createdAt}`,
    ...(d.appliedSettlement ? [`  adjustment carried on ${d.appliedSettlement}`] : []),
    '',
  ];
  const thread = (d.messages ?? []).map((m) => {
    const files = m.evidence.map((e) => `    evidence ${e.name} (${e.bytes} bytes, sha256 ${e.sha256})`);
    return [`[${m.no}] ${m.at} ${m.party} ${m.author} ${m.kind}:`, `    ${m.body}`, ...files].join('\n');
  });
  return `${[...head, ...thread].join('\n')}\n`;
}
