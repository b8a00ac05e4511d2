import type { StoreStatus } from '../ingest/store-status.js';
import { table } from './table.js';

export function formatStatus(status: StoreStatus): string {
  const parts = [
    `store ${status.location}, tenant ${status.tenant}`,
    '',
    table(
      ['dataset', 'rows', 'from', 'to'],
      status.datasets.map((d) => [d.dataset, String(d.rows), d.from ?? '', d.to ?? '']),
    ),
    '',
    status.imports.length === 0 ? 'no imports yet' : 'last imports:',
  ];
  if (status.imports.length > 0) {
    parts.push(
      table(
        ['batch', 'dataset', 'file', 'read', 'accepted', 'rejected', 'replaced', 'finished'],
        status.imports.map((b) =>
          [b.batch_id, b.dataset, b.file, b.read, b.accepted, b.rejected, b.replaced, b.finished_at].map(
            String,
          ),
        ),
      ),
    );
  }
  if (status.rejects) {
    parts.push('', `rejects of the batch (${status.rejects.length}):`);
    parts.push(
      table(
        ['line', 'column', 'value', 'reason'],
        status.rejects.map((r) =>
          [r.line, r.column, r.value, r.reason].map((v) => (v === null ? '' : String(v))),
        ),
      ),
    );
  }
  return `${parts.join('\n')}\n`;
}
