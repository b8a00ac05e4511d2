import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { Evidence, OutcomeRow, Scorecard } from '../../../src/core/renewal/types';
import { EChart } from '../components/echart';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import type { MessageKey } from '../../../src/core/i18n/index';
import { formatMoney } from '../lib/format';
import { useT } from '../lib/i18n';
import {
  asResult,
  chartValue,
  formatDifference,
  formatP,
  formatPercent,
  formatValue,
} from './renewal-format';
import { TableDownloads } from '../components/table-downloads';

/** The scorecard's outcomes: each outcome over the term so far against its baseline, with its trend, then by quarter. */

export const EVIDENCE_TEXT: Record<Evidence, { label: MessageKey; tone: string; mark: string }> = {
  moved: { label: 'renewal.moved', tone: 'good', mark: '↗' },
  did_not_move: { label: 'renewal.didNotMove', tone: 'neutral', mark: '–' },
  worse: { label: 'renewal.worse', tone: 'bad', mark: '↘' },
  insufficient: { label: 'value.insufficient', tone: 'warn', mark: '?' },
};

function EvidenceTag({ evidence }: { evidence: Evidence }) {
  const e = EVIDENCE_TEXT[evidence];
  const t = useT();
  return (
    <span className={`badge badge-${e.tone}`} data-evidence={evidence}>
      <span aria-hidden="true">{e.mark}</span> {t(e.label)}
    </span>
  );
}

function Sparkline({ outcome }: { outcome: OutcomeRow }) {
  const t = useT();
  const option = useMemo((): EChartsOption => {
    const values = outcome.trend.map((q) => chartValue(q.value, outcome.unit, outcome.metric));
    const baseline = chartValue(outcome.baseline.value, outcome.unit, outcome.metric);
    return {
      grid: { left: 4, right: 4, top: 6, bottom: 6 },
      xAxis: { type: 'category', show: false, data: outcome.trend.map((q) => q.display) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis', confine: true },
      series: [
        {
          type: 'line',
          name: outcome.label,
          data: values,
          symbolSize: 5,
          markLine:
            baseline === null
              ? undefined
              : {
                  symbol: 'none',
                  silent: true,
                  label: { show: false },
                  lineStyle: { type: 'dashed', color: '#4a4f57' },
                  data: [{ yAxis: baseline, name: 'baseline' }],
                },
        },
      ],
    };
  }, [outcome]);
  const label = t('renewal.sparkline', {
    label: outcome.label,
    list: outcome.trend
      .map(
        (q) =>
          `${q.display} ${formatValue(q.value, outcome.unit, outcome.metric)} (${t(EVIDENCE_TEXT[q.evidence].label)})`,
      )
      .join('; '),
    baseline: formatValue(outcome.baseline.value, outcome.unit, outcome.metric),
  });
  return <EChart option={option} label={label} height={56} dataTable={false} />;
}

export function OutcomesSection({ card }: { card: Scorecard }) {
  const currency = card.contract.currency;
  const anyBackwards = card.outcomes.some((o) => !o.targetBeyondBaseline);
  const t = useT();
  return (
    <section className="section" aria-labelledby="renewal-outcomes-title">
      <h2 id="renewal-outcomes-title">{t('renewal.outcomes', { term: card.termSoFar.display })}</h2>
      <div className="table-wrap">
        <table className="stack compact" data-testid="renewal-outcomes">
          <caption>
            {t('renewal.outcomesCaption', { p: card.recommendation.settings.significance })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.outcome')}</th>
              <th scope="col">{t('tile.baseline')}</th>
              <th scope="col">{t('renewal.actual')}</th>
              <th scope="col">{t('renewal.difference')}</th>
              <th scope="col">{t('renewal.trend')}</th>
              <th scope="col">{t('tile.attainment')}</th>
              <th scope="col">
                {t('renewal.paidWithheld')} <span className="th-note">{currency}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {card.outcomes.map((o) => (
              <tr
                key={o.key}
                data-testid={`renewal-outcome-${o.portfolio}-${o.metric}`}
                data-evidence={o.term.evidence}
              >
                <th scope="row">
                  <MetricLabel id={o.metric} label={o.label} />
                  <span className="th-note">
                    {o.portfolioName} · {t('renewal.weight', { weight: formatPercent(o.weight) })}
                  </span>
                </th>
                <td data-label={t('tile.baseline')}>
                  <span className="num">{formatValue(o.baseline.value, o.unit, o.metric)}</span>
                  <span className="th-note">
                    {o.baseline.written
                      ? t('renewal.written')
                      : t('renewal.measured', { period: o.baseline.period ?? '' })}
                  </span>
                </td>
                <td data-label={t('renewal.actual')}>
                  <Value result={asResult(o.metric, o.unit, o.direction, o.term, o.baseline.value)} compact />
                </td>
                <td data-label={t('renewal.difference')}>
                  <span className="num">{formatDifference(o.term.difference, o.unit, o.metric)}</span>
                  <span className="th-note">
                    {formatP(o.term.p)}
                    {o.term.differenceLow !== null && o.term.differenceHigh !== null
                      ? ` · ${t('renewal.ci', { low: formatDifference(o.term.differenceLow, o.unit, o.metric), high: formatDifference(o.term.differenceHigh, o.unit, o.metric) })}`
                      : ''}
                  </span>
                  <EvidenceTag evidence={o.term.evidence} />
                </td>
                <td data-label={t('renewal.trend')} style={{ minWidth: '8rem' }}>
                  <Sparkline outcome={o} />
                </td>
                <td data-label={t('tile.attainment')}>
                  <span className="num">
                    {o.targetBeyondBaseline ? formatPercent(o.term.attainment) : `${t('tile.hold')} †`}
                  </span>
                  <span className="th-note">{t('drill.target', { target: formatValue(o.target, o.unit, o.metric) })}</span>
                </td>
                <td data-label={t('renewal.paidWithheld')}>
                  <span className="num">{t('renewal.paid', { amount: formatMoney(o.money.paid, currency) })}</span>
                  <span className="th-note">
                    {t('renewal.withheld', { amount: formatMoney(o.money.withheld.replace(/^-/, ''), currency) })}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
      {anyBackwards && (
        <p className="muted">† {t('renewal.holdNote')}</p>
      )}
      <details>
        <summary>{t('renewal.quarters')}</summary>
        <div className="table-wrap">
          <table className="stack compact">
            <caption>{t('renewal.quartersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('renewal.outcomeQuarter')}</th>
                <th scope="col">{t('common.valueNci')}</th>
                <th scope="col">{t('renewal.difference')}</th>
                <th scope="col">{t('renewal.evidenceCol')}</th>
                <th scope="col">{t('tile.attainment')}</th>
              </tr>
            </thead>
            <tbody>
              {card.outcomes.flatMap((o) =>
                o.trend.map((q) => (
                  <tr key={`${o.key}-${q.period}`}>
                    <th scope="row">
                      {o.label} <span className="th-note">{q.display}</span>
                    </th>
                    <td data-label={t('common.value')}>
                      <Value result={asResult(o.metric, o.unit, o.direction, q, o.baseline.value)} compact />
                    </td>
                    <td data-label={t('renewal.difference')}>
                      {formatDifference(q.difference, o.unit, o.metric)}{' '}
                      <span className="muted">{formatP(q.p)}</span>
                    </td>
                    <td data-label={t('renewal.evidenceCol')}>
                      <EvidenceTag evidence={q.evidence} />
                    </td>
                    <td data-label={t('tile.attainment')}>{formatPercent(q.attainment)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <TableDownloads />
        </div>
      </details>
    </section>
  );
}
