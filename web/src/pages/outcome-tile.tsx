import { MetricLabel } from '../components/metric-label';
import { StatusBadge } from '../components/status-badge';
import { Value } from '../components/value';
import { formatMoney, formatPercent, formatTarget } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import type { OutcomeStatus } from '../lib/types';

interface Props {
  outcome: OutcomeStatus;
  contractId: string;
  period: string;
  currency: string;
  /** The projection's state for the period (on_track, at_risk, likely_miss, insufficient). */
  projectedState?: string | undefined;
}

const PROJECTED: Record<string, string> = {
  on_track: '✓ On track',
  at_risk: '! At risk',
  likely_miss: '✗ Likely miss',
  insufficient: '? Insufficient data',
};

/** One outcome of a portfolio: value with n and interval, target, baseline, attainment, status and projected pay. */
export function OutcomeTile({ outcome, contractId, period, currency, projectedState }: Props) {
  const { portfolio, metric, unit } = outcome;
  const better = outcome.direction === 'lower' ? 'lower is better' : 'higher is better';
  return (
    <article className="tile" data-testid={`outcome-${portfolio}-${metric}`} data-status={outcome.status}>
      <header className="tile-head">
        <h3>
          <MetricLabel id={metric} label={outcome.label} />
        </h3>
        <StatusBadge status={outcome.status} testId={`status-${portfolio}-${metric}`} />
        {outcome.status === 'missed' && outcome.improving && (
          <span className="muted" title="moved from the baseline in the better direction, p < 0.05">
            ↗ improving
          </span>
        )}
      </header>
      <div className="tile-value">
        <Value result={outcome.result} />
        <span className="value-meta">{better}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>Projection</dt>
          <dd data-testid={`projected-state-${portfolio}-${metric}`} data-state={projectedState ?? ''}>
            {projectedState ? (PROJECTED[projectedState] ?? projectedState) : '–'}
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{formatTarget(outcome.target, unit)}</dd>
        </div>
        <div>
          <dt>Baseline</dt>
          <dd>{formatTarget(outcome.baseline, unit)}</dd>
        </div>
        <div>
          <dt>Attainment</dt>
          {outcome.attainment === null && outcome.result.value !== null ? (
            <dd title="the target is not better than the baseline: met or missed against the target">hold target</dd>
          ) : (
            <dd title="share of the way from baseline to target">{formatPercent(outcome.attainment, 0)}</dd>
          )}
        </div>
        <div>
          <dt>Projected pay</dt>
          <dd data-testid={`projected-pay-${portfolio}-${metric}`}>
            {formatMoney(outcome.projectedPay, currency)}{' '}
            <span className="muted">({formatPercent(outcome.payFraction, 1)} of allocation)</span>
          </dd>
        </div>
      </dl>
      <a
        className="tile-link"
        href={hrefOf(['drilldown'], { contract: contractId, portfolio, metric, period })}
      >
        Drill down<span className="visually-hidden"> into {outcome.label}</span>
      </a>
    </article>
  );
}
