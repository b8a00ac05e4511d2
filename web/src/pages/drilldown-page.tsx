import { ErrorBanner, Loading } from '../components/error-banner';
import { MetricLabel } from '../components/metric-label';
import { Value } from '../components/value';
import { portfolioName, termsOf, useContractDetail, useContracts } from '../lib/contracts';
import { formatValue } from '../lib/format';
import type { Route } from '../lib/hash-route';
import { defaultQuarter, todayIso } from '../lib/periods';
import { currentContract } from '../lib/roles';
import { outcomeQuery, outcomeTarget } from '../lib/scope';
import { useQuery } from '../lib/use-resource';
import { useCatalog } from '../state/catalog';
import { DimensionBreakdown } from './dimension-breakdown';
import { DrilldownControls } from './drilldown-controls';
import { SiteBreakdown } from './site-breakdown';
import { TrendSection } from './trend-section';
import { useT } from '../lib/i18n';

/** A portfolio's metric over time (with the target), by site in local time, by channel and by path. */
export function DrilldownPage({ route }: { route: Route }) {
  const { byId } = useCatalog();
  const contracts = useContracts();
  const t = useT();
  const contractId =
    route.query.get('contract') ??
    (contracts.data ? currentContract(contracts.data, todayIso())?.id : undefined) ??
    null;
  const detail = useContractDetail(contractId);
  const terms = termsOf(detail.data);
  const portfolio =
    terms?.portfolios.find((p) => p.id === route.query.get('portfolio')) ?? terms?.portfolios[0];
  const metric = route.query.get('metric') ?? portfolio?.outcomes[0]?.metric ?? 'csat';
  const period = route.query.get('period') ?? (terms ? defaultQuarter(terms.term) : null);
  const grain = route.query.get('grain') === 'week' ? 'week' : 'day';
  const info = byId.get(metric);
  const base = terms && portfolio && period ? outcomeQuery(terms, portfolio, metric, period, info) : null;
  const headline = useQuery(base);
  const sliceable = info?.readsInteractions ?? true;
  const unit = headline.data?.[0]?.unit ?? info?.unit ?? 'ratio';
  const target = outcomeTarget(portfolio, metric);
  const label = info?.label.singular ?? metric;

  return (
    <section aria-labelledby="drill-title">
      <h1 id="drill-title">{t('drill.title')}</h1>
      <ErrorBanner error={contracts.error ?? detail.error} onRetry={detail.reload} />
      {(contracts.loading || detail.loading) && <Loading what={t('drill.what')} />}
      {contracts.data && contractId && terms && portfolio && period && base && (
        <>
          <DrilldownControls
            contracts={contracts.data}
            contractId={contractId}
            terms={terms}
            portfolio={portfolio}
            metric={metric}
            period={period}
            grain={grain}
          />
          <div className="card headline" data-testid="drill-headline">
            <h2>
              <MetricLabel id={metric} />, {portfolioName(portfolio)}, {terms.vendor}, {period}
            </h2>
            <p className="muted">
              {t('drill.workflows', { list: portfolio.workflows.join(', ') })} ·{' '}
              {t('common.zone', { zone: terms.timezone })} ·{' '}
              {target !== null ? t('drill.target', { target: formatValue(target, unit) }) : t('drill.notOutcome')}
            </p>
            <ErrorBanner error={headline.error} onRetry={headline.reload} />
            <Value result={headline.data?.[0]} />
          </div>
          {sliceable ? (
            <>
              <TrendSection
                title={t('drill.byGrain', { label, grain })}
                query={{ ...base, grain }}
                unit={unit}
                target={target}
                testId="chart-trend"
              />
              <SiteBreakdown
                base={base}
                vendor={terms.vendor}
                grain={grain}
                unit={unit}
                target={target}
                label={label}
              />
              <DimensionBreakdown
                base={base}
                dimension="channel"
                title={t('drill.byChannel')}
                unit={unit}
                target={target}
                label={label}
              />
              <DimensionBreakdown
                base={base}
                dimension="path"
                title={t('drill.byPath')}
                unit={unit}
                target={target}
                label={label}
              />
            </>
          ) : (
            <p>
              {t('drill.onAgents', { label })} <a href="#/operations">{t('drill.seeOperations')}</a>.
            </p>
          )}
        </>
      )}
    </section>
  );
}
