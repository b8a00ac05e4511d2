import { Fragment, useState } from 'react';
import { formatDate, formatMoney, formatPercent } from '../lib/format';
import { type T, useLanguage, useT } from '../lib/i18n';
import { lineLabel } from './line-label';
import type { InvoiceLine, Settlement } from '../lib/types';
import { LineTrace, TraceValue } from './line-trace';
import { TableDownloads } from '../components/table-downloads';

const payText = (t: T, line: InvoiceLine, currency: string): string =>
  line.kind === 'outcome'
    ? t('settle.payOf', {
        share: formatPercent(line.trace.pay, 1),
        allocation: formatMoney(line.trace.allocation, currency),
      })
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
  const t = useT();
  const language = useLanguage();
  const title = part.part
    ? t('settle.versionPart', {
        version: part.version,
        from: formatDate(part.part.from),
        to: formatDate(part.part.to),
      })
    : t('settle.version', { version: part.version });
  return (
    <div className="table-wrap section">
      <table className="stack" data-testid={`invoice-part-v${part.version}`}>
        <caption>
          {split ? title : t('settle.lines', { version: part.version })} ·{' '}
          {t('settle.baseAtRisk', {
            base: formatMoney(part.baseFee, part.currency),
            risk: formatMoney(part.atRisk, part.currency),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('settle.line')}</th>
            <th scope="col">{t('settle.measured')}</th>
            <th scope="col">{t('settle.pay')}</th>
            <th scope="col" className="num">
              {t('settle.amount')}
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
                      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {lineLabel(t, language, line)}
                    </button>
                  </th>
                  <td data-label={t('settle.measured')}>
                    {line.kind === 'outcome' && <TraceValue trace={line.trace} />}
                  </td>
                  <td data-label={t('settle.pay')}>{payText(t, line, part.currency)}</td>
                  <td className="num" data-label={t('settle.amount')}>
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
                {t('settle.partTotal')}
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
