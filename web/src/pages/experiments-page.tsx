import type { ExperimentDetailT } from '../../../src/server/api/evidence-schemas';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { formatCount, formatDate, formatNumber } from '../lib/format';
import { hrefOf, type Route } from '../lib/hash-route';
import type { MetricResult } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { useT } from '../lib/i18n';
import { TableDownloads } from '../components/table-downloads';

interface Listed {
  id: string;
  title?: string;
  metric: string;
  start: string;
  contract?: string | null;
}

const fixed = (v: number | null | undefined, digits = 4) =>
  v === null || v === undefined ? '–' : formatNumber(v, digits);
const CELLS = [
  ['treatedPre', 'exp.treatedPre'],
  ['treatedPost', 'exp.treatedPost'],
  ['controlPre', 'exp.controlPre'],
  ['controlPost', 'exp.controlPost'],
] as const;

const asResults = (points: { week: string; value: number | null; n: number }[]) =>
  points.map((p) => ({ group: { bucket: p.week }, value: p.value, n: p.n, low: null, high: null }) as unknown as MetricResult);

/** `#/experiments?id=`: joint experiments; one shows both arms week by week with the start marked, the estimate and the pre-trends. */
export function ExperimentsPage({ route }: { route: Route }) {
  const list = useGet<Listed[]>('/experiments');
  const t = useT();
  const id = route.query.get('id') ?? list.data?.[0]?.id ?? null;
  const detail = useGet<ExperimentDetailT>(id ? `/experiments/${encodeURIComponent(id)}` : null);
  const d = detail.data;
  const e = d?.estimate;
  const startWeek = d ? ([...d.series.treated].reverse().find((p) => p.week <= d.series.start)?.week ?? null) : null;
  return (
    <section aria-labelledby="experiments-title">
      <h1 id="experiments-title">{t('nav.experiments')}</h1>
      <ErrorBanner error={list.error ?? detail.error} onRetry={detail.reload} />
      {list.data && list.data.length === 0 && <p>{t('exp.none')}</p>}
      <ul className="toolbar-links">
        {list.data?.map((x) => (
          <li key={x.id}>
            <a href={hrefOf(['experiments'], { id: x.id })} aria-current={x.id === id ? 'page' : undefined}>
              {x.title ?? x.id}
            </a>
          </li>
        ))}
      </ul>
      {detail.loading && <Loading what={t('exp.what')} />}
      {d && e && (
        <>
          <div className="summary-row">
            <div className="card stat" data-testid="experiment-effect" data-effect={e.effect ?? ''}>
              <h2 className="stat-label">
                {t('exp.effect', { metric: e.metric })}
                {e.insufficient ? `, ${t('value.insufficient')}` : ''}
              </h2>
              <p className="stat-value">{fixed(e.effect)}</p>
              <p className="muted">
                {t('exp.interval', {
                  low: fixed(e.low),
                  high: fixed(e.high),
                  p: fixed(e.p),
                  preFrom: formatDate(e.windows.pre.from),
                  preTo: formatDate(e.windows.pre.to),
                  postFrom: formatDate(e.windows.post.from),
                  postTo: formatDate(e.windows.post.to),
                })}
              </p>
            </div>
            {d.series.preTrend && (
              <div className="card stat" data-testid="experiment-pretrend">
                <h2 className="stat-label">{t('exp.preTrends')}</h2>
                <p>
                  {t('exp.arms', {
                    treated: fixed(d.series.preTrend.treated, 5),
                    control: fixed(d.series.preTrend.control, 5),
                  })}
                </p>
                <p className="muted">
                  {t('exp.difference', {
                    difference: fixed(d.series.preTrend.difference, 5),
                    low: fixed(d.series.preTrend.low, 5),
                    high: fixed(d.series.preTrend.high, 5),
                  })}{' '}
                  {d.series.preTrend.low <= 0 && d.series.preTrend.high >= 0 ? t('exp.parallel') : t('exp.diverging')}
                </p>
              </div>
            )}
          </div>
          <EChart
            label={t('exp.chart', { metric: e.metric })}
            testId="chart-experiment"
            option={seriesOption({
              series: [
                { name: t('exp.treated'), results: asResults(d.series.treated) },
                { name: t('exp.control'), results: asResults(d.series.control) },
              ],
              unit: e.unit,
              marker: startWeek ? { at: startWeek, label: t('exp.start', { date: d.series.start }) } : null,
            })}
          />
          <div className="table-wrap">
            <table className="compact" data-testid="experiment-cells">
              <caption>{t('exp.cells')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('exp.cell')}</th>
                  <th scope="col">{t('common.value')}</th>
                  <th scope="col">n</th>
                </tr>
              </thead>
              <tbody>
                {CELLS.map(([key, label]) => (
                  <tr key={key}>
                    <th scope="row">{t(label)}</th>
                    <td>{fixed(e.cells[key].value)}</td>
                    <td>{formatCount(e.cells[key].n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <TableDownloads />
          </div>
        </>
      )}
    </section>
  );
}
