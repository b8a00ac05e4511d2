import type { Scorecard } from '../../../src/core/renewal/types';
import { formatCount, formatDate, formatNumber } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { useT } from '../lib/i18n';
import { projectedText } from './outcome-tile';
import { TableDownloads } from '../components/table-downloads';

const fixed = (v: number | null, digits = 3) => (v === null ? '–' : formatNumber(v, digits));

/** The scorecard's evidence: the contract's experiments (difference in differences) and its alert history. */
export function EvidenceSection({ card }: { card: Scorecard }) {
  const e = card.evidence;
  const t = useT();
  if (!e) return null;
  return (
    <section className="section" aria-labelledby="renewal-evidence-title" data-testid="renewal-evidence">
      <h2 id="renewal-evidence-title">{t('renewal.evidence')}</h2>
      <h3>{t('nav.experiments')}</h3>
      {e.experiments.length === 0 ? (
        <p>{t('renewal.noExperiment')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack compact">
            <caption>{t('renewal.expCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('renewal.experiment')}</th>
                <th scope="col">{t('common.metric')}</th>
                <th scope="col">{t('renewal.effect')}</th>
                <th scope="col">p</th>
                <th scope="col">{t('renewal.treated')}</th>
                <th scope="col">{t('renewal.control')}</th>
              </tr>
            </thead>
            <tbody>
              {e.experiments.map((x) => (
                <tr key={x.id} data-testid={`renewal-experiment-${x.id}`}>
                  <th scope="row">
                    <a href={hrefOf(['experiments'], { id: x.id })}>{x.title}</a>
                    {x.insufficient ? ` (${t('value.insufficient')})` : ''}
                  </th>
                  <td data-label={t('common.metric')}>{x.metric}</td>
                  <td data-label={t('renewal.effect')}>
                    <b>{fixed(x.effect)}</b> ({t('common.range', { from: fixed(x.low), to: fixed(x.high) })})
                  </td>
                  <td data-label="p">{fixed(x.p, 4)}</td>
                  <td data-label={t('exp.treated')}>
                    {fixed(x.cells.treatedPre.value)} → {fixed(x.cells.treatedPost.value)} ({formatCount(x.cells.treatedPre.n)}, {formatCount(x.cells.treatedPost.n)})
                  </td>
                  <td data-label={t('exp.control')}>
                    {fixed(x.cells.controlPre.value)} → {fixed(x.cells.controlPost.value)} ({formatCount(x.cells.controlPre.n)}, {formatCount(x.cells.controlPost.n)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
      <h3>{t('renewal.alertHistory')}</h3>
      {e.alerts.length === 0 ? (
        <p>{t('renewal.noAlerts')}</p>
      ) : (
        <ul data-testid="renewal-alerts">
          {e.alerts.slice(0, 30).map((a) => (
            <li key={`${a.asOf}-${a.portfolio}-${a.metric}`}>
              {formatDate(a.asOf)} · {a.period} · {a.portfolio}/{a.metric}:{' '}
              {a.previousState ? projectedText(t, a.previousState) : '–'} → <b>{projectedText(t, a.state)}</b>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
