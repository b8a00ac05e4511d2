import type { OutcomeAlertT, ProjectionT } from '../../../src/server/api/evidence-schemas';
import { ErrorBanner, Loading } from '../components/error-banner';
import { formatMoney } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { useT } from '../lib/i18n';
import { useGet } from '../lib/use-resource';

const STATE_TEXT: Record<string, string> = {
  on_track: '✓ On track',
  at_risk: '! At risk',
  likely_miss: '✗ Likely miss',
  insufficient: '? Insufficient data',
};
const fixed = (v: number | null) => (v === null ? '–' : v.toFixed(4));

/** `#/contracts/{id}/alerts`: the period in progress (states, projected pay, money at risk) and every state change. */
export function AlertsPage({ contractId }: { contractId: string }) {
  const base = `/contracts/${encodeURIComponent(contractId)}`;
  const projection = useGet<ProjectionT>(`${base}/projection`);
  const alerts = useGet<OutcomeAlertT[]>(`${base}/alerts`);
  const t = useT();
  const p = projection.data;
  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Projections and alerts: {contractId}</h1>
      <p className="toolbar-links">
        <a href={hrefOf(['contracts', contractId])}>Overview</a>
      </p>
      <ErrorBanner error={projection.error ?? alerts.error} onRetry={projection.reload} />
      {projection.loading && <Loading what="the projection" />}
      {p && (
        <>
          <div className="card stat" data-testid="money-at-risk">
            <h2 className="stat-label">
              Money at risk, {p.period} ({p.from}..{p.to} measured)
            </h2>
            <p className="stat-value">{formatMoney(p.moneyAtRisk, p.currency)}</p>
            <p className="muted">sum of projected penalties · projected total {formatMoney(p.projectedTotal, p.currency)}</p>
          </div>
          <div className="table-wrap">
            <table className="compact" data-testid="projection-table">
              <caption>Each outcome and key measurement of the period in progress</caption>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col">Value (95% interval)</th>
                  <th scope="col">n</th>
                  <th scope="col">Target</th>
                  <th scope="col">Projected pay</th>
                  <th scope="col">State</th>
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
                    <td>{i.n}</td>
                    <td>
                      {i.direction === 'higher' ? '≥' : '≤'} {i.target}
                    </td>
                    <td>{i.projectedPay === null ? '–' : formatMoney(i.projectedPay, p.currency)}</td>
                    <td>{STATE_TEXT[i.state] ?? i.state}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2>State changes</h2>
      {alerts.data && alerts.data.length === 0 && <p>No outcome has changed state yet.</p>}
      <ul data-testid="alert-list">
        {alerts.data?.map((a) => (
          <li key={a.id}>
            {a.asOf.slice(0, 16)} · {a.period} · {a.portfolio}/{a.label}: {STATE_TEXT[a.previousState ?? ''] ?? '–'} →{' '}
            <b>{a.state === 'one_short_of_chronic_failure' ? t('alerts.oneShort') : (STATE_TEXT[a.state] ?? a.state)}</b> (
            {a.change})
          </li>
        ))}
      </ul>
    </section>
  );
}
