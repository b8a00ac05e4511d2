import { useMemo } from 'react';
import { seriesOption } from '../charts/series-option';
import { EChart } from '../components/echart';
import { ErrorBanner, Loading } from '../components/error-banner';
import { SelectField } from '../components/select-field';
import { portfolioName, termsOf, useContractDetail, useContracts } from '../lib/contracts';
import { type Route, updateQuery } from '../lib/hash-route';
import { termYears, todayIso, yearTerm } from '../lib/periods';
import { AUTOMATION_METRICS } from '../lib/scope';
import type { MetricResult, QueryBody } from '../lib/types';
import { useQuery } from '../lib/use-resource';
import { useCatalog } from '../state/catalog';
import { AutomationTable } from './automation-table';
import { useT } from '../lib/i18n';

const monthLabel = (x: string) => x.slice(0, 7);

/** The first month in which the bot contained anything: where the chart marks the launch. */
const launchMonth = (results: MetricResult[]): string | null =>
  results
    .filter((r) => r.metric === 'containment' && (r.value ?? 0) > 0)
    .map((r) => r.group.bucket ?? '')
    .sort()[0] ?? null;

/** Containment, escalation, bot errors and the handle time of what humans still get, month by month. */
export function AutomationPage({ route }: { route: Route }) {
  const { byId } = useCatalog();
  const t = useT();
  const contracts = useContracts();
  const list = contracts.data ?? [];
  const choice = route.query.get('contract') ?? (list.length === 1 ? (list[0]?.id ?? 'all') : 'all');
  const contract = list.find((c) => c.id === choice);
  const detail = useContractDetail(contract?.id ?? null);
  const terms = termsOf(detail.data);
  const portfolioId = route.query.get('portfolio') ?? 'all';
  const portfolio = terms?.portfolios.find((p) => p.id === portfolioId);
  const years = termYears(contract?.term ?? list[0]?.term ?? yearTerm());
  const year =
    route.query.get('year') ?? years.find((y) => y === todayIso().slice(0, 4)) ?? years.at(-1) ?? '2026';
  const ready = contracts.data !== undefined && (!contract || terms !== undefined);
  const body: QueryBody | null = ready
    ? {
        metrics: [...AUTOMATION_METRICS],
        period: year,
        grain: 'month',
        timezone: terms?.timezone ?? list[0]?.timezone ?? 'UTC',
        where: {
          ...(contract ? { vendor: [contract.vendor] } : {}),
          ...(portfolio ? { workflow: [...portfolio.workflows] } : {}),
        },
      }
    : null;
  const answer = useQuery(body);
  const results = answer.data ?? [];
  const launch = launchMonth(results);
  const of = (metric: string) => results.filter((r) => r.metric === metric);
  const name = (metric: string) => byId.get(metric)?.label.singular ?? metric;
  const shares = useMemo(
    () =>
      seriesOption({
        series: ['containment', 'escalation_rate', 'bot_error_rate'].map((m) => ({
          name: name(m),
          results: of(m),
        })),
        unit: 'share',
        xLabel: monthLabel,
        marker: launch ? { at: launch, label: t('auto.botLive') } : null,
      }),
    [answer.data, byId, launch, t],
  );
  const handle = useMemo(
    () =>
      seriesOption({
        series: [{ name: name('aht'), results: of('aht') }],
        unit: 'seconds',
        xLabel: monthLabel,
        marker: launch ? { at: launch, label: t('auto.botLive') } : null,
      }),
    [answer.data, byId, launch, t],
  );

  return (
    <section aria-labelledby="auto-title">
      <h1 id="auto-title">{t('nav.automation')}</h1>
      <div className="toolbar">
        <SelectField
          label={t('common.vendor')}
          value={choice}
          options={[
            { value: 'all', label: t('common.allVendors') },
            ...list.map((c) => ({
              value: c.id,
              label: t('common.vendorContract', { vendor: c.vendor, year: c.term.start.slice(0, 4) }),
            })),
          ]}
          onChange={(value) => updateQuery({ contract: value, portfolio: null })}
          testId="auto-scope"
        />
        {terms && (
          <SelectField
            label={t('auto.workflows')}
            value={portfolio?.id ?? 'all'}
            options={[
              { value: 'all', label: t('auto.allWorkflows') },
              ...terms.portfolios.map((p) => ({ value: p.id, label: portfolioName(p) })),
            ]}
            onChange={(value) => updateQuery({ portfolio: value })}
            testId="auto-portfolio"
          />
        )}
        <SelectField
          label={t('auto.year')}
          value={year}
          options={years.map((y) => ({ value: y, label: y }))}
          onChange={(value) => updateQuery({ year: value })}
        />
      </div>
      <p className="muted">
        {t('auto.monthly', { zone: body?.timezone ?? '…' })}{' '}
        {launch ? t('auto.launch', { month: launch.slice(0, 7) }) : t('auto.noLaunch')}
      </p>
      <ErrorBanner error={contracts.error ?? detail.error ?? answer.error} onRetry={answer.reload} />
      {(!ready || answer.loading) && <Loading what={t('auto.what')} />}
      {answer.data && (
        <>
          <section className="section" aria-labelledby="auto-shares">
            <h2 id="auto-shares">{t('auto.shares')}</h2>
            <EChart
              option={shares}
              label={t('auto.sharesLabel')}
              testId="chart-automation"
            />
          </section>
          <section className="section" aria-labelledby="auto-aht">
            <h2 id="auto-aht">{t('auto.aht')}</h2>
            <EChart
              option={handle}
              label={t('auto.ahtLabel')}
              testId="chart-aht"
            />
          </section>
          <AutomationTable results={results} metrics={AUTOMATION_METRICS} year={year} />
        </>
      )}
    </section>
  );
}
