import type { OutcomeAlertT, ProjectionT } from '../../../src/server/api/evidence-schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { formatCount, formatDate, formatDateTime, formatMoney, formatNumber } from '../lib/format';
import { projectedText } from './outcome-tile';
import { hrefOf } from '../lib/hash-route';
import { useT } from '../lib/i18n';
import { useGet } from '../lib/use-resource';
import { TableDownloads } from '../components/table-downloads';

const fixed = (v: number | null) => (v === null ? '–' : formatNumber(v, 4));

/** `#/contracts/{id}/alerts`: the period in progress (states, projected pay, money at risk) and every state change. */
export function AlertsPage({ contractId }: { contractId: string }) {
  const base = `/contracts/${encodeURIComponent(contractId)}`;
  const t = useT();
  const projection = useGet<ProjectionT>(`${base}/projection`);
  const alerts = useGet<OutcomeAlertT[]>(`${base}/alerts`);
  const p = projection.data;
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alerts.title', { id: contractId })}</h1>
      <p className="toolbar-links">
        <a href={hrefOf(['contracts', contractId])}>{t('contracts.overview')}</a>
      </p>
      <ErrorBanner error={projection.error ?? alerts.error} onRetry={projection.reload} />
      {projection.loading && <Loading what={t('alerts.what')} />}
      {p && (
        <>
          <div className="card stat" data-testid="money-at-risk">
            <h2 className="stat-label">
              {t('alerts.moneyAtRisk', { period: p.period, from: formatDate(p.from), to: formatDate(p.to) })}
            </h2>
            <p className="stat-value">{formatMoney(p.moneyAtRisk, p.currency)}</p>
            <p className="muted">
              {t('alerts.sum', { total: formatMoney(p.projectedTotal, p.currency) })}
            </p>
          </div>
          <div className="table-wrap">
            <table className="compact" data-testid="projection-table">
              <caption>{t('alerts.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('alerts.outcome')}</th>
                  <th scope="col">{t('alerts.value')}</th>
                  <th scope="col">n</th>
                  <th scope="col">{t('tile.target')}</th>
                  <th scope="col">{t('tile.projectedPay')}</th>
                  <th scope="col">{t('alerts.state')}</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((i) => (
                  <tr key={`${i.portfolio}/${i.metric}`} data-state={i.state}>
                    <th scope="row">
                      {i.portfolio}/{i.label}
                    </th>
                    <td>
                      {fixed(i.value)} ({fixed(i.low)}–{fixed(i.high)})
                    </td>
                    <td>{formatCount(i.n)}</td>
                    <td>
                      {i.direction === 'higher' ? '≥' : '≤'} {i.target}
                    </td>
                    <td>{i.projectedPay === null ? '–' : formatMoney(i.projectedPay, p.currency)}</td>
                    <td>{projectedText(t, i.state)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <TableDownloads />
          </div>
        </>
      )}
      <h2>{t('overview.stateChanges')}</h2>
      {alerts.data && alerts.data.length === 0 && <p>{t('alerts.none')}</p>}
      <ul data-testid="alert-list">
        {alerts.data?.map((a) => (
          <li key={a.id}>
            {formatDateTime(a.asOf)} · {a.period} · {a.portfolio}/{a.label}:{' '}
            {a.previousState ? projectedText(t, a.previousState) : '–'} →{' '}
            <b>{a.state === 'one_short_of_chronic_failure' ? t('alerts.oneShort') : projectedText(t, a.state)}</b> (
            {t('alerts.change', { change: a.change })})
          </li>
        ))}
      </ul>
    </section>
  );
}
