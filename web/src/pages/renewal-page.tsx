import type { EChartsOption } from 'echarts';
import { useId, useMemo } from 'react';
import type {
  Evidence,
  OutcomeRow,
  Reason,
  RecommendationId,
  Scorecard,
} from '../../../src/core/renewal/types';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { MetricLabel } from '../components/metric-label';
import { SelectField } from '../components/select-field';
import { Value } from '../components/value';
import { contractName, useContracts } from '../lib/contracts';
import { formatMoney } from '../lib/format';
import { hrefOf, type Route, updateQuery } from '../lib/hash-route';
import { todayIso } from '../lib/periods';
import { currentContract } from '../lib/roles';
import { useGet } from '../lib/use-resource';
import {
  asResult,
  chartValue,
  formatDifference,
  formatP,
  formatPercent,
  formatValue,
} from './renewal-format';
import { MoneySection, OperationsSection, RecalibrationSection, ValueSection } from './renewal-sections';

/**
 * `#/renewal?contract=&asOf=`: the renewal scorecard of a contract (docs/renewal.md), the
 * JSON of `covenant renewal --format json`: the recommendation with each reason's numbers,
 * then the outcomes, money, value per contact, remote operations and security, and the
 * recalibrations; the PDF is the CLI's document printed on the server.
 */

const DECISION_TONE: Record<RecommendationId, string> = {
  renew: 'good',
  renew_with_changes: 'warn',
  re_tender: 'bad',
};
const DECISION_MARK: Record<RecommendationId, string> = {
  renew: '✓',
  renew_with_changes: '↻',
  re_tender: '✗',
};

export const EVIDENCE_TEXT: Record<Evidence, { label: string; tone: string; mark: string }> = {
  moved: { label: 'moved', tone: 'good', mark: '↗' },
  did_not_move: { label: 'did not move', tone: 'neutral', mark: '–' },
  worse: { label: 'worse', tone: 'bad', mark: '↘' },
  insufficient: { label: 'insufficient data', tone: 'warn', mark: '?' },
};

const SOURCE_TEXT: Record<string, string> = {
  metric: 'metric engine',
  settlement: 'settlement',
  value: 'value metrics',
};

export function RenewalPage({ route }: { route: Route }) {
  const contracts = useContracts();
  const list = contracts.data ?? [];
  const id = route.query.get('contract') ?? currentContract(list, todayIso())?.id ?? null;
  const asOf = route.query.get('asOf');
  const validAsOf = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
  const query = validAsOf ? `?asOf=${encodeURIComponent(validAsOf)}` : '';
  const card = useGet<Scorecard>(id ? `/contracts/${encodeURIComponent(id)}/renewal${query}` : null);
  const summary = list.find((c) => c.id === id);
  const data = card.data;
  const asOfId = useId();
  const pdfHref = id ? `/api/contracts/${encodeURIComponent(id)}/renewal.pdf${query}` : null;

  return (
    <section aria-labelledby="renewal-title">
      <h1 id="renewal-title">
        Renewal scorecard
        {data ? `: ${data.contract.displayName}` : summary ? `: ${contractName(summary)}` : ''}
      </h1>
      <div className="toolbar">
        {list.length > 0 && id && (
          <SelectField
            label="Contract"
            value={id}
            options={list.map((c) => ({ value: c.id, label: contractName(c) }))}
            onChange={(value) => updateQuery({ contract: value })}
            testId="renewal-contract"
          />
        )}
        <div className="field">
          <label htmlFor={asOfId}>As of</label>
          <input
            id={asOfId}
            type="date"
            value={validAsOf ?? ''}
            onChange={(event) => updateQuery({ asOf: event.target.value || null })}
            aria-describedby={`${asOfId}-hint`}
            data-testid="renewal-as-of"
          />
          <span id={`${asOfId}-hint`} className="muted">
            Scores the term up to the day before (default: today)
          </span>
        </div>
        {pdfHref && (
          <p className="toolbar-links">
            <a href={pdfHref} download data-testid="renewal-pdf-link">
              Download PDF
            </a>
            {id && <a href={hrefOf(['contracts', id])}>Overview</a>}
          </p>
        )}
      </div>
      <ErrorBanner error={contracts.error ?? card.error} onRetry={card.reload} />
      {contracts.data && !id && <p>No contract to score among those you may see.</p>}
      {card.loading && <Loading what="the scorecard (every outcome, quarter and invoice of the term)" />}
      {data && (
        <>
          <RecommendationCard card={data} />
          <OutcomesSection card={data} />
          <MoneySection card={data} />
          <ValueSection card={data} />
          <OperationsSection card={data} />
          <RecalibrationSection card={data} />
        </>
      )}
    </section>
  );
}

function ReasonItem({ reason, index, prefix }: { reason: Reason; index: number; prefix: string }) {
  return (
    <li data-testid={`${prefix}-${index}`} data-rule={reason.rule}>
      <p className="reason-text">{reason.text}</p>
      {reason.facts.length > 0 && (
        <ul className="muted" aria-label="The numbers this reason rests on">
          {reason.facts.map((fact, k) => (
            <li key={`${fact.metric}-${fact.period}-${k}`} data-fact-value={fact.value}>
              <strong>{fact.text}</strong> {fact.metric}, {fact.period}
              {fact.scope.site ? `, ${fact.scope.site}` : ''}
              {fact.baseline ? `, against ${fact.baseline}` : ''} ({SOURCE_TEXT[fact.source] ?? fact.source})
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function RecommendationCard({ card }: { card: Scorecard }) {
  const rec = card.recommendation;
  const tone = DECISION_TONE[rec.decision];
  return (
    <section
      className="card section"
      aria-labelledby="renewal-rec-title"
      data-testid="renewal-recommendation"
      data-decision={rec.decision}
    >
      <h2 id="renewal-rec-title" className="stat-label">
        Recommendation, {card.termSoFar.display}
      </h2>
      <p className="stat-value">
        <span className={`badge badge-${tone}`}>
          <span aria-hidden="true">{DECISION_MARK[rec.decision]}</span> {rec.label}
        </span>
      </p>
      <p className="muted">
        {card.contract.vendor} · version {card.contract.version} · term {card.contract.term.start} to{' '}
        {card.contract.term.end} · as of {card.asOf.slice(0, 10)} ({card.contract.timezone})
      </p>
      <h3>Why</h3>
      <ol>
        {rec.reasons.map((reason, i) => (
          <ReasonItem key={reason.rule} reason={reason} index={i} prefix="renewal-reason" />
        ))}
      </ol>
      {rec.otherReasons.length > 0 && (
        <details>
          <summary>Also found ({rec.otherReasons.length}, milder recommendations)</summary>
          <ol>
            {rec.otherReasons.map((reason, i) => (
              <ReasonItem key={reason.rule} reason={reason} index={i} prefix="renewal-other-reason" />
            ))}
          </ol>
        </details>
      )}
      <details>
        <summary>
          The rules ({rec.rules.filter((r) => r.fired).length} of {rec.rules.length} fired)
        </summary>
        <ul>
          {rec.rules.map((rule) => (
            <li key={rule.id}>
              <span aria-hidden="true">{rule.fired ? '● ' : '○ '}</span>
              <code>{rule.id}</code> ({rule.recommendation.replaceAll('_', ' ')}):{' '}
              {rule.fired ? 'fired' : 'did not fire'}. <span className="muted">{rule.condition}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

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
  return <EChart option={option} label={label} height={56} />;
}

function OutcomesSection({ card }: { card: Scorecard }) {
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
                    {formatPercent(o.term.attainment)}
                    {o.targetBeyondBaseline ? '' : ' †'}
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
      </div>
      {anyBackwards && (
        <p className="muted">† the target is not better than the baseline, so attainment reads backwards.</p>
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
        </div>
      </details>
    </section>
  );
}
