import type { Scorecard } from '../../../src/core/renewal/types';
import { TableDownloads } from '../components/table-downloads';

/** The scorecard's recalibrations: the contract's versions, the proposals with each party's decision, the triggers that fired. */

export function RecalibrationSection({ card }: { card: Scorecard }) {
  const r = card.recalibrations;
  const fired = r.triggers.filter((t) => t.fired.length > 0);
  return (
    <section className="section" aria-labelledby="renewal-recal-title" data-testid="renewal-recalibrations">
      <h2 id="renewal-recal-title">Recalibrations</h2>
      <h3>Versions</h3>
      <ul>
        {r.versions.map((v) => (
          <li key={v.version}>
            v{v.version}, effective {v.effectiveFrom} ({v.origin})
          </li>
        ))}
      </ul>
      <h3>Proposals</h3>
      {r.proposals.length === 0 ? (
        <p>No recalibration was proposed in the term so far.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack compact">
            <caption>Recalibration proposals and each party's decision</caption>
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">Period</th>
                <th scope="col">Triggers</th>
                <th scope="col">Status</th>
                <th scope="col">Effective</th>
                <th scope="col">Decisions</th>
              </tr>
            </thead>
            <tbody>
              {r.proposals.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.id}</th>
                  <td data-label="Period">{p.period}</td>
                  <td data-label="Triggers">{p.triggersFired.join(', ') || '–'}</td>
                  <td data-label="Status">
                    {p.status}
                    {p.appliedVersion === null ? '' : ` (v${p.appliedVersion})`}
                  </td>
                  <td data-label="Effective">{p.effectiveFrom}</td>
                  <td data-label="Decisions">
                    {p.decisions
                      .map((d) => `${d.party} ${d.decision} ${d.decidedAt.slice(0, 10)}`)
                      .join('; ') || '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      )}
      <h3>Triggers by quarter</h3>
      {r.triggers.length === 0 ? (
        <p className="muted">The contract has no recalibration triggers.</p>
      ) : fired.length === 0 ? (
        <p>No trigger fired in any quarter of the term so far.</p>
      ) : (
        <ul>
          {fired.map((t) => (
            <li key={t.period}>
              <strong>{t.display}</strong> (against {t.reference}):{' '}
              {t.fired.map((f) => `${f.measure}: ${f.arithmetic}`).join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
