import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import type { Evidence, OutcomeRow, Scorecard } from '../../../src/core/renewal/types';
import { EChart } from '../components/echart';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import { formatMoney } from '../lib/format';
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

export const EVIDENCE_TEXT: Record<Evidence, { label: string; tone: string; mark: string }> = {
  moved: { label: 'moved', tone: 'good', mark: '↗' },
  did_not_move: { label: 'did not move', tone: 'neutral', mark: '–' },
  worse: { label: 'worse', tone: 'bad', mark: '↘' },
  insufficient: { label: 'insufficient data', tone: 'warn', mark: '?' },
};

function EvidenceTag({ evidence }: { evidence: Evidence }) {
  const e = EVIDENCE_TEXT[evidence];
  return (
    <span className={`badge badge-${e.tone}`} data-evidence={evidence}>
      <span aria-hidden="true">{e.mark}</span> {e.label}
    </span>
  );
}

function Sparkline({ outcome }: { outcome: OutcomeRow }) {
  const option = useMemo((): EChartsOption => {
    const values = outcome.trend.map((t) => chartValue(t.value, outcome.unit, outcome.metric));
    const baseline = chartValue(outcome.baseline.value, outcome.unit, outcome.metric);
    return {
      grid: { left: 4, right: 4, top: 6, bottom: 6 },
      xAxis: { type: 'category', show: false, data: outcome.trend.map((t) => t.display) },
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
  const label = `${outcome.label} by quarter: ${outcome.trend
    .map(
      (t) =>
        `${t.display} ${formatValue(t.value, outcome.unit, outcome.metric)} (${EVIDENCE_TEXT[t.evidence].label})`,
    )
    .join('; ')}; dashed line: baseline ${formatValue(outcome.baseline.value, outcome.unit, outcome.metric)}`;
  return <EChart option={option} label={label} height={56} dataTable={false} />;
}

export function OutcomesSection({ card }: { card: Scorecard }) {
  const currency = card.contract.currency;
  const anyBackwards = card.outcomes.some((o) => !o.targetBeyondBaseline);
  return (
    <section className="section" aria-labelledby="renewal-outcomes-title">
      <h2 id="renewal-outcomes-title">Outcomes, {card.termSoFar.display}</h2>
      <div className="table-wrap">
        <table className="stack compact" data-testid="renewal-outcomes">
          <caption>
            Each outcome against the contract's baseline: moved when the difference is in the better direction
            with p &lt; {card.recommendation.settings.significance}
          </caption>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Baseline</th>
              <th scope="col">Actual (n, 95% CI)</th>
              <th scope="col">Difference</th>
              <th scope="col">Trend by quarter</th>
              <th scope="col">Attainment</th>
              <th scope="col">
                Paid / withheld <span className="th-note">{currency}</span>
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
                    {o.portfolioName} · weight {formatPercent(o.weight)}
                  </span>
                </th>
                <td data-label="Baseline">
                  <span className="num">{formatValue(o.baseline.value, o.unit, o.metric)}</span>
                  <span className="th-note">
                    {o.baseline.written ? 'written in the contract' : `measured ${o.baseline.period ?? ''}`}
                  </span>
                </td>
                <td data-label="Actual">
                  <Value result={asResult(o.metric, o.unit, o.direction, o.term, o.baseline.value)} compact />
                </td>
                <td data-label="Difference">
                  <span className="num">{formatDifference(o.term.difference, o.unit, o.metric)}</span>
                  <span className="th-note">
                    {formatP(o.term.p)}
                    {o.term.differenceLow !== null && o.term.differenceHigh !== null
                      ? ` · CI ${formatDifference(o.term.differenceLow, o.unit, o.metric)} to ${formatDifference(o.term.differenceHigh, o.unit, o.metric)}`
                      : ''}
                  </span>
                  <EvidenceTag evidence={o.term.evidence} />
                </td>
                <td data-label="Trend" style={{ minWidth: '8rem' }}>
                  <Sparkline outcome={o} />
                </td>
                <td data-label="Attainment">
                  <span className="num">
                    {o.targetBeyondBaseline ? formatPercent(o.term.attainment) : 'hold †'}
                  </span>
                  <span className="th-note">target {formatValue(o.target, o.unit, o.metric)}</span>
                </td>
                <td data-label="Paid / withheld">
                  <span className="num">{formatMoney(o.money.paid, currency)} paid</span>
                  <span className="th-note">
                    {formatMoney(o.money.withheld.replace(/^-/, ''), currency)} withheld
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <TableDownloads />
      </div>
      {anyBackwards && (
        <p className="muted">† a hold target (not better than the baseline): no attainment; the status compares the value with the target.</p>
      )}
      <details>
        <summary>The quarters, outcome by outcome</summary>
        <div className="table-wrap">
          <table className="stack compact">
            <caption>Each outcome per quarter: value, difference from baseline, p and attainment</caption>
            <thead>
              <tr>
                <th scope="col">Outcome, quarter</th>
                <th scope="col">Value (n, 95% CI)</th>
                <th scope="col">Difference</th>
                <th scope="col">Evidence</th>
                <th scope="col">Attainment</th>
              </tr>
            </thead>
            <tbody>
              {card.outcomes.flatMap((o) =>
                o.trend.map((t) => (
                  <tr key={`${o.key}-${t.period}`}>
                    <th scope="row">
                      {o.label} <span className="th-note">{t.display}</span>
                    </th>
                    <td data-label="Value">
                      <Value result={asResult(o.metric, o.unit, o.direction, t, o.baseline.value)} compact />
                    </td>
                    <td data-label="Difference">
                      {formatDifference(t.difference, o.unit, o.metric)}{' '}
                      <span className="muted">{formatP(t.p)}</span>
                    </td>
                    <td data-label="Evidence">
                      <EvidenceTag evidence={t.evidence} />
                    </td>
                    <td data-label="Attainment">{formatPercent(t.attainment)}</td>
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
