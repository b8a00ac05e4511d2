import { EarnBackTrace } from './mechanics-panel';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import { formatCount, formatPercent, formatValue } from '../lib/format';
import { useT } from '../lib/i18n';
import type { InvoiceLine, MetricResult, OutcomeTrace } from '../lib/types';
import { useMetricInfo } from '../state/catalog';
import { TableDownloads } from '../components/table-downloads';

/** The trace's measurement as a MetricResult, so it is shown by the same Value as everywhere else. */
export const resultOf = (t: OutcomeTrace, unit: string): MetricResult => ({
  metric: t.metric,
  group: {},
  period: t.scope.period,
  value: t.value,
  n: t.n,
  low: t.low,
  high: t.high,
  unit,
  direction: t.direction,
  matured: t.matured,
  maturesOn: t.maturesOn,
  insufficient: t.insufficient,
  baseline: t.baseline,
  difference: null,
  differenceLow: null,
  differenceHigh: null,
  p: null,
});

/** An outcome line's measurement, as every other value is shown. */
export function TraceValue({ trace }: { trace: OutcomeTrace }) {
  const unit = useMetricInfo(trace.metric)?.unit ?? 'ratio';
  return <Value result={resultOf(trace, unit)} compact />;
}

function OutcomeTraceView({ trace }: { trace: OutcomeTrace }) {
  const t = useT();
  const unit = useMetricInfo(trace.metric)?.unit ?? 'ratio';
  return (
    <div className="trace">
      <dl className="facts">
        <div>
          <dt>{t('common.metric')}</dt>
          <dd>
            <MetricLabel id={trace.metric} />
          </dd>
        </div>
        <div>
          <dt>{t('settle.measured')}</dt>
          <dd>
            <Value result={resultOf(trace, unit)} compact />
          </dd>
        </div>
        <div>
          <dt>{t('settle.scope')}</dt>
          <dd>
            {trace.scope.vendor}, {trace.scope.workflows?.join(', ') ?? t('settle.allWorkflows')}, {trace.scope.period}
          </dd>
        </div>
        <div>
          <dt>{t('settle.targetBaseline')}</dt>
          <dd>
            {formatValue(trace.target, unit)} / {formatValue(trace.baseline, unit)} (
            {t('settle.attainment', {
              attainment: formatPercent(trace.attainment, 0),
              min: formatCount(trace.minSample),
            })}
            )
          </dd>
        </div>
        <div>
          <dt>{t('settle.allocation')}</dt>
          <dd>
            {t('settle.allocationText', {
              allocation: trace.allocation,
              portfolio: formatPercent(trace.portfolioWeight, 0),
              outcome: formatPercent(trace.outcomeWeight, 0),
              pay: formatPercent(trace.pay, 2),
            })}
          </dd>
        </div>
      </dl>
      {trace.points.length > 0 && (
        <>
        <table className="compact">
          <caption>{t('settle.points')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settle.at')}</th>
              <th scope="col">{t('settle.payPoint')}</th>
            </tr>
          </thead>
          <tbody>
            {trace.points.map((p) => (
              <tr key={`${p.at}-${p.pay}`}>
                <td>{formatValue(p.at, unit)}</td>
                <td>{formatPercent(p.pay, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
        </>
      )}
      <p className="rule">{trace.rule}</p>
    </div>
  );
}

/** What a line was computed from: the measurement and curve for outcomes, units and rate for the base fee, the limit for caps. */
export function LineTrace({ line }: { line: InvoiceLine }) {
  const t = useT();
  switch (line.kind) {
    case 'outcome':
      return <OutcomeTraceView trace={line.trace} />;
    case 'base_fee':
      return (
        <div className="trace">
          <p>
            {t('settle.units', {
              units: line.trace.units,
              unit: line.trace.unit.replace('_', ' '),
              rate: line.trace.rate,
            })}
          </p>
          <p className="rule">{line.trace.rule}</p>
        </div>
      );
    case 'adjustment':
      return (
        <div className="trace">
          <p>
            {t('settle.dispute')}{' '}
            <a href={`#/disputes/${encodeURIComponent(line.trace.dispute)}`}>{line.trace.dispute}</a>{' '}
            {t('settle.disputeOn', { line: line.trace.line, settlement: line.trace.settlement })}
          </p>
          <p className="rule">{line.trace.rule}</p>
        </div>
      );
    case 'earn_back':
      return <EarnBackTrace line={line} />;
    default:
      return (
        <div className="trace">
          <p>
            {t('settle.cap', { total: line.trace.total, limit: line.trace.limit })}
          </p>
          <p className="rule">{line.trace.rule}</p>
        </div>
      );
  }
}
