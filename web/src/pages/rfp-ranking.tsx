import { formatDateTime } from '../lib/format';
import { useT } from '../lib/i18n';
import { n2 } from './renewal-format';
import type { Comparison, ComparisonVendor } from './rfp-types';
import { TableDownloads } from '../components/table-downloads';

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
      <h2 id="rfp-ranking-title">{t('rfp.ranking')}</h2>
      {data.ranking.winner && (
        <p>
          <strong>{nameOf(data, data.ranking.winner)}</strong> {t('rfp.first')}
          {data.ranking.margin !== null && data.ranking.runnerUp
            ? `, ${t('rfp.ahead', { margin: n2(data.ranking.margin), name: nameOf(data, data.ranking.runnerUp) })}`
            : ''}
          .{' '}
          {unanimous
            ? t('rfp.unanimous', { name: nameOf(data, data.ranking.winner) })
            : t('rfp.ownWinners', {
                list: winners.map((w) => `${w.evaluator} ${nameOf(data, w.winner)}`).join(', '),
              })}
        </p>
      )}
      <div className="table-wrap">
        <table className="stack" data-testid="rfp-ranking">
          <caption>
            {t('rfp.rankingCaption', { min: data.rfp.scale.min, max: data.rfp.scale.max })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('rfp.rank')}</th>
              <th scope="col">{t('common.vendor')}</th>
              <th scope="col">{t('rfp.total')}</th>
              {evaluators.map((e) => (
                <th scope="col" key={e}>
                  {e}
                </th>
              ))}
              <th scope="col">{t('rfp.rawTotal')}</th>
              <th scope="col">{t('rfp.classification')}</th>
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
                <td data-label={t('rfp.rank')}>{v.rank ?? '–'}</td>
                <th scope="row">
                  {v.displayName}
                  <span className="th-note">{v.vendor}</span>
                </th>
                <td data-label={t('rfp.total')}>
                  {v.unscored ? (
                    <span className="badge badge-neutral">
                      {t('rfp.unscored', { date: formatDateTime(v.submittedAt) })}
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
                <td data-label={t('rfp.rawTotal')} className="num">
                  {n2(v.rawTotal)}
                </td>
                <td data-label={t('rfp.classification')}>
                  {t('rfp.classLabel', { classification: v.classification })}, {t('rfp.signals', { count: v.signalCount, total: v.signals.length })}
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
