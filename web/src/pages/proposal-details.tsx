import { MetricLabel } from '../components/metric-label';
import { formatValue } from '../lib/format';
import type { ProposalBody } from '../lib/types';
import { useCatalog } from '../state/catalog';
import { TableDownloads } from '../components/table-downloads';

const num = (value: number | null, digits = 4) => (value === null ? '–' : value.toFixed(digits));

/** What fired, how the targets move with the mix, and the staffing arithmetic behind the proposed rate. */
export function ProposalDetails({ body }: { body: ProposalBody }) {
  const { byId } = useCatalog();
  const unitOf = (metric: string) => byId.get(metric)?.unit ?? 'ratio';
  return (
    <>
      <div className="table-wrap">
        <table className="compact stack">
          <caption>
            Triggers: {body.period} against the reference {body.reference}
          </caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Reference</th>
              <th scope="col">Current</th>
              <th scope="col">Fired</th>
              <th scope="col">Arithmetic</th>
            </tr>
          </thead>
          <tbody>
            {body.triggers.map((t) => (
              <tr key={t.measure}>
                <th scope="row">{t.measure}</th>
                <td data-label="Reference">{num(t.reference)}</td>
                <td data-label="Current">{num(t.current)}</td>
                <td data-label="Fired">{t.fired ? 'fires' : 'does not fire'}</td>
                <td className="arith" data-label="Arithmetic">
                  {t.arithmetic}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
      <div className="table-wrap">
        <table className="compact stack">
          <caption>Targets adjusted to the new mix</caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Target</th>
              <th scope="col">Proposed</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {body.targets.map((t) => (
              <tr key={`${t.portfolio}/${t.metric}`}>
                <th scope="row">
                  {t.portfolio}: <MetricLabel id={t.metric} />
                </th>
                <td data-label="Target">{formatValue(t.target, unitOf(t.metric))}</td>
                <td data-label="Proposed">
                  {formatValue(t.proposedTarget, unitOf(t.metric))}
                  {t.adjusted && ` (shift ${t.shift >= 0 ? '+' : ''}${t.shift.toFixed(4)})`}
                </td>
                <td data-label="Why">
                  {t.reason}
                  {t.standardisation && (
                    <details>
                      <summary>Arithmetic</summary>
                      <ul className="arith-list">
                        {t.standardisation.arithmetic.map((line) => (
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
            Unit rate: {body.staffing.currentRate} → {body.staffing.proposedRate} {body.staffing.currency}
            {body.staffing.ratio ? ` (ratio ${body.staffing.ratio})` : ''}
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
