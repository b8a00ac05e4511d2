import { MetricLabel } from '../components/metric-label';
import { formatNumber, formatValue } from '../lib/format';
import { useT } from '../lib/i18n';
import type { ProposalBody } from '../lib/types';
import { useCatalog } from '../state/catalog';
import { TableDownloads } from '../components/table-downloads';

const num = (value: number | null, digits = 4) => (value === null ? '–' : formatNumber(value, digits));

/** What fired, how the targets move with the mix, and the staffing arithmetic behind the proposed rate. */
export function ProposalDetails({ body }: { body: ProposalBody }) {
  const { byId } = useCatalog();
  const t = useT();
  const unitOf = (metric: string) => byId.get(metric)?.unit ?? 'ratio';
  return (
    <>
      <div className="table-wrap">
        <table className="compact stack">
          <caption>
            {t('proposals.triggers', { period: body.period, reference: body.reference })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('agent.measure')}</th>
              <th scope="col">{t('proposals.reference')}</th>
              <th scope="col">{t('proposals.current')}</th>
              <th scope="col">{t('proposals.firedCol')}</th>
              <th scope="col">{t('proposals.arithmetic')}</th>
            </tr>
          </thead>
          <tbody>
            {body.triggers.map((trigger) => (
              <tr key={trigger.measure}>
                <th scope="row">{trigger.measure}</th>
                <td data-label={t('proposals.reference')}>{num(trigger.reference)}</td>
                <td data-label={t('proposals.current')}>{num(trigger.current)}</td>
                <td data-label={t('proposals.firedCol')}>
                  {trigger.fired ? t('proposals.fires') : t('proposals.notFires')}
                </td>
                <td className="arith" data-label={t('proposals.arithmetic')}>
                  {trigger.arithmetic}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
      <div className="table-wrap">
        <table className="compact stack">
          <caption>{t('proposals.targets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.outcome')}</th>
              <th scope="col">{t('tile.target')}</th>
              <th scope="col">{t('proposals.proposed')}</th>
              <th scope="col">{t('proposals.why')}</th>
            </tr>
          </thead>
          <tbody>
            {body.targets.map((target) => (
              <tr key={`${target.portfolio}/${target.metric}`}>
                <th scope="row">
                  {target.portfolio}: <MetricLabel id={target.metric} />
                </th>
                <td data-label={t('tile.target')}>{formatValue(target.target, unitOf(target.metric))}</td>
                <td data-label={t('proposals.proposed')}>
                  {formatValue(target.proposedTarget, unitOf(target.metric))}
                  {target.adjusted &&
                    ` (${t('proposals.shift', { shift: `${target.shift >= 0 ? '+' : ''}${formatNumber(target.shift, 4)}` })})`}
                </td>
                <td data-label={t('proposals.why')}>
                  {target.reason}
                  {target.standardisation && (
                    <details>
                      <summary>{t('proposals.arithmetic')}</summary>
                      <ul className="arith-list">
                        {target.standardisation.arithmetic.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
      {body.staffing && (
        <div className="card-inner">
          <h4>
            {t('proposals.unitRate', {
              from: body.staffing.currentRate,
              to: body.staffing.proposedRate,
              currency: body.staffing.currency,
            })}
            {body.staffing.ratio ? ` ${t('proposals.ratio', { ratio: body.staffing.ratio })}` : ''}
          </h4>
          <p className="muted">{body.staffing.terms}</p>
          <ul className="arith-list">
            {body.staffing.arithmetic.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {body.notes.length > 0 && (
        <ul className="notes">
          {body.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </>
  );
}
