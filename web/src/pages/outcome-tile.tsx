import { MetricLabel } from '../components/metric-label';
import { StatusBadge } from '../components/status-badge';
import { Value } from '../components/value';
import { formatMoney, formatPercent, formatTarget } from '../lib/format';
import { hrefOf } from '../lib/hash-route';
import { hasMessage, type T, useT } from '../lib/i18n';
import type { MessageKey } from '../../../src/core/i18n/index';
import type { OutcomeStatus } from '../lib/types';

interface Props {
  outcome: OutcomeStatus;
  contractId: string;
  period: string;
  currency: string;
  /** The projection's state for the period (on_track, at_risk, likely_miss, insufficient). */
  projectedState?: string | undefined;
}

/** A projection state in words with its mark (on_track, at_risk, likely_miss, insufficient). */
export const projectedText = (t: T, state: string): string =>
  hasMessage(`projection.${state}`) ? t(`projection.${state}` as MessageKey) : state;

/** One outcome of a portfolio: value with n and interval, target, baseline, attainment, status and projected pay. */
export function OutcomeTile({ outcome, contractId, period, currency, projectedState }: Props) {
  const { portfolio, metric, unit } = outcome;
  const t = useT();
  const better = t(outcome.direction === 'lower' ? 'metric.direction.lower' : 'metric.direction.higher');
  return (
    <article className="tile" data-testid={`outcome-${portfolio}-${metric}`} data-status={outcome.status}>
      <header className="tile-head">
        <h3>
          <MetricLabel id={metric} label={outcome.label} />
        </h3>
        <StatusBadge status={outcome.status} testId={`status-${portfolio}-${metric}`} />
        {outcome.status === 'missed' && outcome.improving && (
          <span className="muted" title={t('tile.improvingTitle')}>
            {t('tile.improving')}
          </span>
        )}
      </header>
      <div className="tile-value">
        <Value result={outcome.result} />
        <span className="value-meta">{better}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('tile.projection')}</dt>
          <dd data-testid={`projected-state-${portfolio}-${metric}`} data-state={projectedState ?? ''}>
            {projectedState ? projectedText(t, projectedState) : '–'}
          </dd>
        </div>
        <div>
          <dt>{t('tile.target')}</dt>
          <dd>{formatTarget(outcome.target, unit)}</dd>
        </div>
        <div>
          <dt>{t('tile.baseline')}</dt>
          <dd>{formatTarget(outcome.baseline, unit)}</dd>
        </div>
        <div>
          <dt>{t('tile.attainment')}</dt>
          {outcome.attainment === null && outcome.result.value !== null ? (
            <dd title={t('tile.holdTitle')}>{t('tile.hold')}</dd>
          ) : (
            <dd title={t('tile.attainmentTitle')}>{formatPercent(outcome.attainment, 0)}</dd>
          )}
        </div>
        <div>
          <dt>{t('tile.projectedPay')}</dt>
          <dd data-testid={`projected-pay-${portfolio}-${metric}`}>
            {formatMoney(outcome.projectedPay, currency)}{' '}
            <span className="muted">{t('tile.ofAllocation', { share: formatPercent(outcome.payFraction, 1) })}</span>
          </dd>
        </div>
      </dl>
      <a
        className="tile-link"
        href={hrefOf(['drilldown'], { contract: contractId, portfolio, metric, period })}
      >
        {t('tile.drill')}
        <span className="visually-hidden"> {t('tile.drillInto', { label: outcome.label })}</span>
      </a>
    </article>
  );
}
