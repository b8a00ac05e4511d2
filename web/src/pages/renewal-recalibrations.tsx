import type { Scorecard } from '../../../src/core/renewal/types';
import { TableDownloads } from '../components/table-downloads';
import { formatDate } from '../lib/format';
import { useT } from '../lib/i18n';

/** The scorecard's recalibrations: the contract's versions, the proposals with each party's decision, the triggers that fired. */

export function RecalibrationSection({ card }: { card: Scorecard }) {
  const r = card.recalibrations;
  const fired = r.triggers.filter((trigger) => trigger.fired.length > 0);
  const t = useT();
  return (
    <section className="section" aria-labelledby="renewal-recal-title" data-testid="renewal-recalibrations">
      <h2 id="renewal-recal-title">{t('renewal.recalibrations')}</h2>
      <h3>{t('renewal.versions')}</h3>
      <ul>
        {r.versions.map((v) => (
          <li key={v.version}>
            {t('renewal.versionLine', { version: v.version, date: formatDate(v.effectiveFrom), origin: v.origin })}
          </li>
        ))}
      </ul>
      <h3>{t('nav.proposals')}</h3>
      {r.proposals.length === 0 ? (
        <p>{t('renewal.noProposals')}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack compact">
            <caption>{t('renewal.proposalsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('renewal.proposal')}</th>
                <th scope="col">{t('common.period')}</th>
                <th scope="col">{t('renewal.triggers')}</th>
                <th scope="col">{t('key.status')}</th>
                <th scope="col">{t('renewal.effective')}</th>
                <th scope="col">{t('renewal.decisions')}</th>
              </tr>
            </thead>
            <tbody>
              {r.proposals.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.id}</th>
                  <td data-label={t('common.period')}>{p.period}</td>
                  <td data-label={t('renewal.triggers')}>{p.triggersFired.join(', ') || '–'}</td>
                  <td data-label={t('key.status')}>
                    {t('disputes.status', { status: p.status })}
                    {p.appliedVersion === null ? '' : ` (v${p.appliedVersion})`}
                  </td>
                  <td data-label={t('renewal.effective')}>{formatDate(p.effectiveFrom)}</td>
                  <td data-label={t('renewal.decisions')}>
                    {p.decisions
                      .map(
                        (d) =>
                          `${t('proposals.approval', { party: d.party, decision: d.decision })} ${formatDate(d.decidedAt)}`,
                      )
                      .join('; ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
      <h3>{t('renewal.triggersByQuarter')}</h3>
      {r.triggers.length === 0 ? (
        <p className="muted">{t('renewal.noTriggers')}</p>
      ) : fired.length === 0 ? (
        <p>{t('renewal.noneFired')}</p>
      ) : (
        <ul>
          {fired.map((trigger) => (
            <li key={trigger.period}>
              <strong>{trigger.display}</strong> ({t('renewal.against', { baseline: trigger.reference })}):{' '}
              {trigger.fired.map((f) => `${f.measure}: ${f.arithmetic}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
