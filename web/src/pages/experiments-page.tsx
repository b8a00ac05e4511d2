import type { ExperimentDetailT } from '../../../src/server/api/evidence-schemas';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { hrefOf, type Route } from '../lib/hash-route';
import type { MetricResult } from '../lib/types';
import { useGet } from '../lib/use-resource';

interface Listed {
  id: string;
  title?: string;
  metric: string;
  start: string;
  contract?: string | null;
}

const fixed = (v: number | null | undefined, digits = 4) => (v === null || v === undefined ? '–' : v.toFixed(digits));
const CELLS = [
  ['treatedPre', 'Treated, before'],
  ['treatedPost', 'Treated, after'],
  ['controlPre', 'Control, before'],
  ['controlPost', 'Control, after'],
] as const;

const asResults = (points: { week: string; value: number | null; n: number }[]) =>
  points.map((p) => ({ group: { bucket: p.week }, value: p.value, n: p.n, low: null, high: null }) as unknown as MetricResult);

/** `#/experiments?id=`: joint experiments; one shows both arms week by week with the start marked, the estimate and the pre-trends. */
export function ExperimentsPage({ route }: { route: Route }) {
  const list = useGet<Listed[]>('/experiments');
  const id = route.query.get('id') ?? list.data?.[0]?.id ?? null;
  const detail = useGet<ExperimentDetailT>(id ? `/experiments/${encodeURIComponent(id)}` : null);
  const d = detail.data;
  const e = d?.estimate;
  const startWeek = d ? ([...d.series.treated].reverse().find((p) => p.week <= d.series.start)?.week ?? null) : null;
  return (
    <section aria-labelledby="experiments-title">
      <h1 id="experiments-title">Experiments</h1>
      <ErrorBanner error={list.error ?? detail.error} onRetry={detail.reload} />
      {list.data && list.data.length === 0 && <p>No experiment is registered.</p>}
      <ul className="toolbar-links">
        {list.data?.map((x) => (
          <li key={x.id}>
            <a href={hrefOf(['experiments'], { id: x.id })} aria-current={x.id === id ? 'page' : undefined}>
              {x.title ?? x.id}
            </a>
          </li>
        ))}
      </ul>
      {detail.loading && <Loading what="the experiment (four cells and two weekly series)" />}
      {d && e && (
        <>
          <div className="summary-row">
            <div className="card stat" data-testid="experiment-effect" data-effect={e.effect ?? ''}>
              <h2 className="stat-label">
                Effect on {e.metric} (difference in differences){e.insufficient ? ', insufficient data' : ''}
              </h2>
              <p className="stat-value">{fixed(e.effect)}</p>
              <p className="muted">
                95% interval {fixed(e.low)} to {fixed(e.high)} · p {fixed(e.p)} · pre {e.windows.pre.from}..
                {e.windows.pre.to}, post {e.windows.post.from}..{e.windows.post.to}
              </p>
            </div>
            {d.series.preTrend && (
              <div className="card stat" data-testid="experiment-pretrend">
                <h2 className="stat-label">Pre-period trends (per week)</h2>
                <p>
                  treated {fixed(d.series.preTrend.treated, 5)} · control {fixed(d.series.preTrend.control, 5)}
                </p>
                <p className="muted">
                  difference {fixed(d.series.preTrend.difference, 5)} (95% {fixed(d.series.preTrend.low, 5)} to{' '}
                  {fixed(d.series.preTrend.high, 5)}):{' '}
                  {d.series.preTrend.low <= 0 && d.series.preTrend.high >= 0
                    ? 'consistent with parallel trends'
                    : 'the arms were already diverging'}
                </p>
              </div>
            )}
          </div>
          <EChart
            label={`${e.metric} by week, treated and control, the start marked`}
            testId="chart-experiment"
            option={seriesOption({
              series: [
                { name: 'treated', results: asResults(d.series.treated) },
                { name: 'control', results: asResults(d.series.control) },
              ],
              unit: e.unit,
              marker: startWeek ? { at: startWeek, label: `start ${d.series.start}` } : null,
            })}
          />
          <div className="table-wrap">
            <table className="compact" data-testid="experiment-cells">
              <caption>The four cells</caption>
              <thead>
                <tr>
                  <th scope="col">Cell</th>
                  <th scope="col">Value</th>
                  <th scope="col">n</th>
                </tr>
              </thead>
              <tbody>
                {CELLS.map(([key, label]) => (
                  <tr key={key}>
                    <th scope="row">{label}</th>
                    <td>{fixed(e.cells[key].value)}</td>
                    <td>{e.cells[key].n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
