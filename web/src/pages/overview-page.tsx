import { ErrorBanner, Loading } from '../components/error-banner';
import { PeriodPicker } from '../components/period-picker';
import { StatusBadge } from '../components/status-badge';
import { contractName, useContracts } from '../lib/contracts';
import { formatMoney } from '../lib/format';
import { hrefOf, type Route, useRouteParam } from '../lib/hash-route';
import { defaultQuarter } from '../lib/periods';
import type { OutcomeStatus, Overview } from '../lib/types';
import { useGet } from '../lib/use-resource';
import { useProjection } from './use-projection';
import { KeyMeasurements } from './key-measurements';
import { OutcomeTile } from './outcome-tile';
import { useT } from '../lib/i18n';

/** Outcomes grouped by portfolio, in the order the API gives them. */
function byPortfolio(
  outcomes: OutcomeStatus[],
): { id: string; name: string; workflows: string[]; items: OutcomeStatus[] }[] {
  const groups = new Map<string, { id: string; name: string; workflows: string[]; items: OutcomeStatus[] }>();
  for (const o of outcomes) {
    const group = groups.get(o.portfolio) ?? {
      id: o.portfolio,
      name: o.portfolioName,
      workflows: o.workflows,
      items: [],
    };
    group.items.push(o);
    groups.set(o.portfolio, group);
  }
  return [...groups.values()];
}

/** A COO's first minute: each portfolio's outcomes, the key measurements and the projected total. */
export function OverviewPage({ route, contractId }: { route: Route; contractId: string }) {
  const contracts = useContracts();
  const t = useT();
  const summary = contracts.data?.find((c) => c.id === contractId);
  const [periodParam, setPeriod] = useRouteParam(route, 'period');
  const period = periodParam ?? (summary ? defaultQuarter(summary.term) : null);
  const overview = useGet<Overview>(
    period
      ? `/contracts/${encodeURIComponent(contractId)}/overview?period=${encodeURIComponent(period)}`
      : null,
  );
  const data = overview.data;
  // Each tile's projected state (on track, at risk, likely miss): the period in progress, or the period as it ended.
  const projection = useProjection(contractId, period, data);
  const stateOf = (o: OutcomeStatus) =>
    projection.data?.period === data?.period
      ? projection.data?.items.find((i) => i.portfolio === o.portfolio && i.metric === o.metric)?.state
      : undefined;
  const currency = data?.contract.currency ?? summary?.currency ?? 'EUR';
  const title = data ? contractName(data.contract) : summary ? contractName(summary) : contractId;

  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{title}</h1>
      <div className="toolbar">
        {summary && period && <PeriodPicker term={summary.term} value={period} onChange={setPeriod} />}
        <p className="toolbar-links">
          <a href={hrefOf(['contracts', contractId, 'settlement'], { period })}>{t('nav.settlement')}</a>{' '}
          <a href={hrefOf(['drilldown'], { contract: contractId, period })}>{t('nav.drilldown')}</a>{' '}
          <a href={hrefOf(['contracts', contractId, 'alerts'])}>{t('overview.alerts')}</a>{' '}
          <a href={hrefOf(['experiments'])}>{t('nav.experiments')}</a>
        </p>
      </div>
      <ErrorBanner error={contracts.error ?? overview.error} onRetry={overview.reload} />
      {contracts.data && !summary && !overview.data && (
        <p>{t('overview.noContract', { id: contractId })}</p>
      )}
      {overview.loading && <Loading what={t('overview.what')} />}
      {data && (
        <>
          <div className="summary-row">
            <div className="card stat" data-testid="overview-projected-total">
              <h2 className="stat-label">{t('overview.projectedTotal', { period: data.period })}</h2>
              <p className="stat-value">{formatMoney(data.projectedTotal, currency)}</p>
              <StatusBadge status={data.provisional ? 'provisional' : 'final'} testId="overview-kind" />
            </div>
            {projection.data?.period === data.period && (
              <div className="card stat" data-testid="overview-money-at-risk">
                <h2 className="stat-label">{t('overview.moneyAtRisk')}</h2>
                <p className="stat-value">{formatMoney(projection.data.moneyAtRisk, currency)}</p>
                <a href={hrefOf(['contracts', contractId, 'alerts'])}>{t('overview.stateChanges')}</a>
              </div>
            )}
            <div className="card stat">
              <h2 className="stat-label">{t('overview.baseFee')}</h2>
              <p className="stat-value">{formatMoney(data.baseFee, currency)}</p>
              <p className="muted">
                {data.contract.vendor} · {t('common.zone', { zone: data.contract.timezone })}
              </p>
            </div>
          </div>
          {byPortfolio(data.outcomes).map((group) => (
            <section key={group.id} className="section" aria-labelledby={`portfolio-${group.id}`}>
              <h2 id={`portfolio-${group.id}`}>{group.name}</h2>
              <p className="muted">{t('overview.workflows', { list: group.workflows.join(', ') })}</p>
              <div className="tiles">
                {group.items.map((o) => (
                  <OutcomeTile
                    key={o.metric}
                    outcome={o}
                    contractId={contractId}
                    period={data.period}
                    currency={currency}
                    projectedState={stateOf(o)}
                  />
                ))}
              </div>
            </section>
          ))}
          <KeyMeasurements items={data.keyMeasurements} period={data.period} />
        </>
      )}
    </section>
  );
}
