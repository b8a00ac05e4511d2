import { Fragment, useState } from 'react';
import { formatMoney } from '../lib/format';
import type { InvoiceLine, Settlement } from '../lib/types';
import { LineTrace, TraceValue } from './line-trace';
import { TableDownloads } from '../components/table-downloads';

const payText = (line: InvoiceLine, currency: string): string =>
  line.kind === 'outcome'
    ? `${(line.trace.pay * 100).toFixed(1)}% of ${formatMoney(line.trace.allocation, currency)}`
    : '';

/** One part of an invoice (a whole period, or the days one contract version was in force): lines with expandable traces. */
export function InvoicePart({ part, split }: { part: Settlement; split: boolean }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const title = `Version ${part.version}${part.part ? `, ${part.part.from} to ${part.part.to}` : ''}`;
  return (
    <div className="table-wrap section">
      <table className="stack" data-testid={`invoice-part-v${part.version}`}>
        <caption>
          {split ? title : `Invoice lines, version ${part.version}`} · base fee{' '}
          {formatMoney(part.baseFee, part.currency)}, at risk {formatMoney(part.atRisk, part.currency)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Measured</th>
            <th scope="col">Pay</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {part.lines.map((line) => {
            const traceId = `trace-${part.version}-${line.id}`.replace(/[^a-zA-Z0-9_-]/g, '-');
            const expanded = open.has(line.id);
            return (
              <Fragment key={line.id}>
                <tr data-testid={`invoice-line-${line.id}`}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-expanded={expanded}
                      aria-controls={traceId}
                      onClick={() => toggle(line.id)}
                      data-testid={`trace-toggle-${line.id}`}
                    >
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {line.label}
                    </button>
                  </th>
                  <td data-label="Measured">
                    {line.kind === 'outcome' && <TraceValue trace={line.trace} />}
                  </td>
                  <td data-label="Pay">{payText(line, part.currency)}</td>
                  <td className="num" data-label="Amount">
                    {formatMoney(line.amount, part.currency)}
                  </td>
                </tr>
                <tr id={traceId} hidden={!expanded} className="trace-row">
                  <td colSpan={4}>{expanded && <LineTrace line={line} />}</td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
        {split && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Part total
              </th>
              <td className="num">{formatMoney(part.total, part.currency)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <TableDownloads />
    </div>
  );
}
