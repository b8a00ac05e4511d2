import type { Scorecard } from '../../../src/core/renewal/types';
import { hrefOf } from '../lib/hash-route';

const fixed = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

/** The scorecard's evidence: the contract's experiments (difference in differences) and its alert history. */
export function EvidenceSection({ card }: { card: Scorecard }) {
  const e = card.evidence;
  if (!e) return null;
  return (
    <section className="section" aria-labelledby="renewal-evidence-title" data-testid="renewal-evidence">
      <h2 id="renewal-evidence-title">Evidence: experiments and alerts</h2>
      <h3>Experiments</h3>
      {e.experiments.length === 0 ? (
        <p>No experiment is registered on this contract.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack compact">
            <caption>Joint experiments: effect with its 95% interval (difference in differences)</caption>
            <thead>
              <tr>
                <th scope="col">Experiment</th>
                <th scope="col">Metric</th>
                <th scope="col">Effect (95% interval)</th>
                <th scope="col">p</th>
                <th scope="col">Treated pre → post (n)</th>
                <th scope="col">Control pre → post (n)</th>
              </tr>
            </thead>
            <tbody>
              {e.experiments.map((x) => (
                <tr key={x.id} data-testid={`renewal-experiment-${x.id}`}>
                  <th scope="row">
                    <a href={hrefOf(['experiments'], { id: x.id })}>{x.title}</a>
                    {x.insufficient ? ' (insufficient data)' : ''}
                  </th>
                  <td data-label="Metric">{x.metric}</td>
                  <td data-label="Effect">
                    <b>{fixed(x.effect)}</b> ({fixed(x.low)} to {fixed(x.high)})
                  </td>
                  <td data-label="p">{fixed(x.p, 4)}</td>
                  <td data-label="Treated">
                    {fixed(x.cells.treatedPre.value)} → {fixed(x.cells.treatedPost.value)} ({x.cells.treatedPre.n},{' '}
                    {x.cells.treatedPost.n})
                  </td>
                  <td data-label="Control">
                    {fixed(x.cells.controlPre.value)} → {fixed(x.cells.controlPost.value)} ({x.cells.controlPre.n},{' '}
                    {x.cells.controlPost.n})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Alert history</h3>
      {e.alerts.length === 0 ? (
        <p>No outcome changed state in the alerts evaluated so far.</p>
      ) : (
        <ul data-testid="renewal-alerts">
          {e.alerts.slice(0, 30).map((a) => (
            <li key={`${a.asOf}-${a.portfolio}-${a.metric}`}>
              {a.asOf.slice(0, 10)} · {a.period} · {a.portfolio}/{a.metric}: {a.previousState ?? '–'} → <b>{a.state}</b>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
