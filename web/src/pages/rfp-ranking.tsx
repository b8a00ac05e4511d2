import { n2 } from './renewal-format';
import type { Comparison, ComparisonVendor } from './rfp-types';
import { TableDownloads } from '../components/table-downloads';
import { useT } from '../lib/i18n';

/** The ranking: each vendor's weighted total with its interval, each evaluator's total, the raw total. */

export const nameOf = (data: Comparison, vendor: string | null) =>
  vendor === null ? '–' : (data.vendors.find((v) => v.vendor === vendor)?.displayName ?? vendor);

/** A total on the scale with its interval: a line from low to high and a dot at the total (the numbers are beside it). */
function IntervalMark({ v, scale }: { v: ComparisonVendor; scale: { min: number; max: number } }) {
  if (v.total === null) return null;
  const x = (value: number) => 4 + ((value - scale.min) / (scale.max - scale.min || 1)) * 152;
  const low = v.low ?? v.total;
  const high = v.high ?? v.total;
  return (
    <svg width="160" height="18" viewBox="0 0 160 18" aria-hidden="true" focusable="false">
      <line x1="4" x2="156" y1="9" y2="9" stroke="#c9ced6" strokeWidth="1" />
      <line
        x1={x(Math.max(scale.min, low))}
        x2={x(Math.min(scale.max, high))}
        y1="9"
        y2="9"
        stroke="#1f4e9c"
        strokeWidth="3"
      />
      <circle cx={x(Math.min(scale.max, Math.max(scale.min, v.total)))} cy="9" r="5" fill="#1a1a1a" />
    </svg>
  );
}

export function Ranking({ data }: { data: Comparison }) {
  const t = useT();
  const evaluators = data.evaluators.map((e) => e.id);
  const winners = data.ranking.evaluatorWinners;
  const unanimous = winners.length > 0 && winners.every((w) => w.winner === data.ranking.winner);
  return (
    <section className="section" aria-labelledby="rfp-ranking-title">
      <h2 id="rfp-ranking-title">Ranking</h2>
      {data.ranking.winner && (
        <p>
          <strong>{nameOf(data, data.ranking.winner)}</strong> ranks first
          {data.ranking.margin !== null && data.ranking.runnerUp
            ? `, ${n2(data.ranking.margin)} ahead of ${nameOf(data, data.ranking.runnerUp)}`
            : ''}
          .{' '}
          {unanimous
            ? `Every evaluator ranks ${nameOf(data, data.ranking.winner)} first.`
            : `Evaluators' own winners: ${winners.map((w) => `${w.evaluator} ${nameOf(data, w.winner)}`).join(', ')}.`}
        </p>
      )}
      <div className="table-wrap">
        <table className="stack" data-testid="rfp-ranking">
          <caption>
            Weighted totals of normalised scores on the {data.rfp.scale.min}–{data.rfp.scale.max} scale, with
            a 95% t interval over evaluators
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Vendor</th>
              <th scope="col">Total (95% CI)</th>
              {evaluators.map((e) => (
                <th scope="col" key={e}>
                  {e}
                </th>
              ))}
              <th scope="col">Raw total</th>
              <th scope="col">Classification</th>
            </tr>
          </thead>
          <tbody>
            {data.vendors.map((v) => (
              <tr
                key={v.vendor}
                data-testid={`rfp-rank-${v.vendor}`}
                data-rank={v.rank ?? ''}
                data-total={v.total ?? ''}
                data-unscored={v.unscored ? 'true' : undefined}
              >
                <td data-label="Rank">{v.rank ?? '–'}</td>
                <th scope="row">
                  {v.displayName}
                  <span className="th-note">{v.vendor}</span>
                </th>
                <td data-label="Total (95% CI)">
                  {v.unscored ? (
                    <span className="badge badge-neutral">
                      unscored, submitted {v.submittedAt?.slice(0, 16).replace('T', ' ')}
                    </span>
                  ) : (
                    <>
                      <span className="value-main">{n2(v.total)}</span>{' '}
                      <span className="muted">
                        ({n2(v.low)}–{n2(v.high)})
                      </span>
                      <IntervalMark v={v} scale={data.rfp.scale} />
                    </>
                  )}
                </td>
                {evaluators.map((e) => (
                  <td key={e} data-label={e} className="num">
                    {n2(v.byEvaluator.find((b) => b.evaluator === e)?.total)}
                  </td>
                ))}
                <td data-label="Raw total" className="num">
                  {n2(v.rawTotal)}
                </td>
                <td data-label="Classification">
                  {v.classificationLabel}, {v.signalCount} of {v.signals.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
      {data.vendors.some((v) => v.unscored) && (
        <p className="banner banner-info" role="note" data-testid="rfp-unscored">
          {t('rfps.unscoredNote', {
            vendors: data.vendors
              .filter((v) => v.unscored)
              .map((v) => nameOf(data, v.vendor))
              .join(', '),
          })}
        </p>
      )}
    </section>
  );
}
