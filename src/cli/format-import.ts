import type { ImportSummary } from '../ingest/import-types.js';

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `${s.file}: read ${s.read}, accepted ${s.accepted}, rejected ${s.rejected}, replaced ${s.replaced}`,
  ];
  if (s.filtered > 0)
    lines.push(`  ${s.filtered} rows dropped by the mapping's filter (not counted as read)`);
  if (s.extraColumns.length > 0) {
    lines.push(`  kept aside (not in the ${s.dataset} format): ${s.extraColumns.join(', ')}`);
  }
  for (const r of s.rejects) {
    const where = [r.line === null ? null : `line ${r.line}`, r.column].filter(Boolean).join(', ');
    const value = r.value === null ? '' : ` (value ${JSON.stringify(r.value)})`;
    lines.push(`  rejected ${where}: ${r.reason}${value}`);
  }
  if (s.rejected > s.rejects.length) {
    lines.push(
      `  ... all rejects of batch ${s.batchId} are in the import_rejects table (covenant status --batch ${s.batchId})`,
    );
  }
  return `${lines.join('\n')}\n`;
}
