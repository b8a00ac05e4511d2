import { ErrorBanner, Loading } from '../components/error-banner';
import { PeriodPicker } from '../components/period-picker';
import { SelectField } from '../components/select-field';
import { contractName, termsOf, useContractDetail, useContracts } from '../lib/contracts';
import { displayUnit, groupText } from '../lib/format';
import { type Route, updateQuery } from '../lib/hash-route';
import { defaultQuarter, startedQuarters, todayIso, yearTerm } from '../lib/periods';
import { currentContract, isClientRole } from '../lib/roles';
import { OPERATIONS_METRICS, splitByScope } from '../lib/scope';
import { operationsThresholds } from '../lib/thresholds';
import type { Me, MetricResult, QueryBody } from '../lib/types';
import { useQueries } from '../lib/use-resource';
import { useCatalog } from '../state/catalog';
import { type OperationsRow, OperationsTable } from './operations-table';
import { OperationsTrend } from './operations-trend';
import { useT } from '../lib/i18n';

/** Results grouped into table rows: each site, then its vendor's total. */
function rowsOf(
  perSite: MetricResult[],
  totals: MetricResult[],
  withTotals: boolean,
  allSites: (vendor: string | undefined) => string,
): OperationsRow[] {
  const rows = new Map<string, OperationsRow>();
  const add = (key: string, label: string, total: boolean, r: MetricResult) => {
    const row = rows.get(key) ?? { key, label, total, results: [] };
    row.results.push(r);
    rows.set(key, row);
  };
  for (const r of perSite) add(`${r.group.vendor ?? ''}/${r.group.site ?? ''}`, groupText(r.group), false, r);
  if (withTotals)
    for (const r of totals)
      add(`${r.group.vendor ?? 'all'}/~total`, allSites(r.group.vendor), true, r);
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Adherence, video coaching coverage, QA calibration alpha, backfill and attrition by vendor and site. */
export function OperationsPage({ route, me }: { route: Route; me: Me }) {
  const { byId, metrics: catalog } = useCatalog();
  const t = useT();
  const client = isClientRole(me.user.role);
  const contracts = useContracts();
  const list = contracts.data ?? [];
  const choice =
    route.query.get('contract') ?? (client ? 'all' : (currentContract(list, todayIso())?.id ?? 'all'));
  const contract = list.find((c) => c.id === choice);
  const detail = useContractDetail(contract?.id ?? null);
  const terms = termsOf(detail.data);
  const site = route.query.get('site') ?? (me.user.role === 'team_lead' ? me.user.site : null);
  const term = contract?.term ?? list[0]?.term ?? yearTerm();
  const period = route.query.get('period') ?? defaultQuarter(term);
  const vendor = contract?.vendor ?? (client ? null : me.user.organisation);
  const ready =
    catalog.length > 0 &&
    (contracts.data !== undefined || contracts.error !== undefined) &&
    (!contract || terms !== undefined);
  const base: QueryBody = {
    metrics: [...OPERATIONS_METRICS],
    period,
    // A contract's page measures with its parameters and zone (server-side, as `covenant query
    // --contract` does); all vendors together with the catalog's defaults, in UTC.
    ...(contract ? { contract: contract.id } : {}),
    where: { ...(vendor ? { vendor: [vendor] } : {}), ...(site ? { site: [site] } : {}) },
    by: ['vendor', 'site'],
  };
  // QA alpha reads interactions: on a contract it is measured on the contract's workflows, as the overview does.
  const workflows = terms?.workflows ?? null;
  const perSite = splitByScope(base, workflows, byId);
  const totals = splitByScope({ ...base, by: vendor ? [] : ['vendor'] }, workflows, byId);
  const answers = useQueries(ready ? [...perSite, ...totals] : null);
  const thresholds = operationsThresholds(terms);
  const units = Object.fromEntries(
    OPERATIONS_METRICS.map((m) => [m, displayUnit(byId.get(m), byId.get(m)?.unit ?? 'ratio')]),
  );
  const siteResults = (answers.data ?? []).slice(0, perSite.length).flat();
  const totalResults = (answers.data ?? [])
    .slice(perSite.length)
    .flat()
    .map((r) => (vendor ? { ...r, group: { vendor } } : r));
  const rows = rowsOf(siteResults, totalResults, !site, (v) =>
    v ? t('ops.allSitesOf', { vendor: v }) : t('ops.allSites'),
  );
  const coaching = siteResults.find((r) => r.metric === 'coaching_coverage');

  return (
    <section aria-labelledby="ops-title">
      <h1 id="ops-title">{site ? t('ops.titleSite', { site }) : t('nav.operations')}</h1>
      <div className="toolbar">
        {list.length > 0 && (
          <SelectField
            label={t('common.vendor')}
            value={choice}
            options={[
              ...(client ? [{ value: 'all', label: t('common.allVendors') }] : []),
              ...list.map((c) => ({
                value: c.id,
                label: t('common.vendorContract', { vendor: c.vendor, year: c.term.start.slice(0, 4) }),
              })),
            ]}
            onChange={(value) => updateQuery({ contract: value, period: null })}
            testId="ops-scope"
          />
        )}
        <PeriodPicker term={term} value={period} onChange={(value) => updateQuery({ period: value })} />
      </div>
      <p className="muted">
        {coaching?.params
          ? `${t('ops.coaching', { mode: String(coaching.params.mode), cadence: String(coaching.params.cadence) })} `
          : ''}
        {t('ops.zone', { zone: siteResults[0]?.zone ?? terms?.timezone ?? 'UTC' })}
        {workflows ? ` ${t('ops.alpha')}` : ''}
        {terms
          ? ` ${t('ops.levels', { contract: contractName(contract ?? { id: terms.name, displayName: null }) })}`
          : ''}
      </p>
      <ErrorBanner
        error={(client ? contracts.error : undefined) ?? detail.error ?? answers.error}
        onRetry={answers.reload}
      />
      {(!ready || answers.loading) && <Loading what={t('ops.what')} />}
      {answers.data && (
        <OperationsTable
          caption={t('ops.caption', { period })}
          metrics={OPERATIONS_METRICS}
          rows={rows}
          thresholds={thresholds}
          units={units}
          labels={Object.fromEntries(OPERATIONS_METRICS.map((m) => [m, byId.get(m)?.label.singular ?? m]))}
        />
      )}
      {ready && (
        <OperationsTrend
          bases={perSite}
          quarters={startedQuarters(term)}
          metrics={OPERATIONS_METRICS}
          thresholds={thresholds}
        />
      )}
    </section>
  );
}
