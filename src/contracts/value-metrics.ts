import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import { contactsSource } from '../core/metric/contacts-source.js';
import type { PeriodWindow, Scope } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import { Dec } from '../core/money/money.js';
import { sql } from '../core/sql/fragment.js';
import { parseWindow } from '../core/time/period-window.js';
import { persistedRows } from '../query/measurement-cache.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';
import { getVersion } from './contract-store.js';
import { computeSettlement } from './settle-contract.js';

export const VALUE_METRIC_IDS = [
  'cost_per_contact',
  'cost_per_contact_all',
  'cost_per_resolved_contact',
  'value_per_contact',
];

/**
 * Value metrics (metrics.md, Value) join a contract's invoice to its outcomes, on the
 * contract's scope (vendor and the portfolios' workflows) in the contract's zone:
 * cost per handled (human-path) contact, per contact of any path, per resolved handled
 * contact, and value per contact = (revenue + retention
 * uplift value) / contacts, where the uplift is (retention_90d − its baseline) × customers
 * × mean monthly_value × 12, from the contract's retention outcome (none: no uplift).
 */
export async function valueMetrics(
  store: Store,
  options: { tenant: string; contractId: string; periods: PeriodWindow[]; metrics: string[]; asOf: string },
): Promise<MetricResult[]> {
  const { contract } = await getVersion(store, options.tenant, options.contractId);
  const results: MetricResult[] = [];
  for (const window of options.periods) {
    const settlement = await computeSettlement(
      store,
      options.tenant,
      options.contractId,
      window,
      options.asOf,
    );
    const total = new Dec(settlement.invoice.total);
    const scope = await scopeCounts(store, options.tenant, contract, window, options.asOf);
    for (const id of options.metrics) {
      const info = metricInfo(id);
      if (!info || !VALUE_METRIC_IDS.includes(id)) throw new UserError(`${id} is not a value metric`);
      const { value, n } =
        id === 'cost_per_contact'
          ? ratio(total, scope.handled)
          : id === 'cost_per_contact_all'
            ? ratio(total, scope.contacts)
            : id === 'cost_per_resolved_contact'
              ? ratio(total, scope.resolved)
              : ratio(scope.revenue.plus(scope.uplift), scope.contacts);
      results.push({
        metric: id,
        group: {},
        period: window.label,
        value,
        n,
        low: null,
        high: null,
        unit: info.unit,
        direction: info.direction,
        matured: settlement.kind === 'final',
        maturesOn:
          settlement.parts
            .map((p) => p.maturesOn ?? '')
            .sort()
            .at(-1) || null,
        insufficient: value === null,
        baseline: null,
        difference: null,
        differenceLow: null,
        differenceHigh: null,
        p: null,
        params: {},
        zone: contract.timezone,
      });
    }
  }
  return results;
}

/** The contract scope's counts a value metric reads, over any periods. */
const countsQuery = (tenant: string, contract: Contract, periods: PeriodWindow[], asOf: string) => ({
  tenant,
  periods,
  zone: contract.timezone,
  by: [],
  minN: 1,
  asOf,
  metrics: ['contacts', 'resolution_rate', 'revenue_per_contact'],
  where: { vendor: [contract.vendor], workflow: contract.workflows },
  params: {},
  // Only values and n are read here: revenue's bootstrap resampling would be thrown away.
  intervals: false,
});

/**
 * The counts of several periods measured at once, for a report that then asks
 * valueMetrics for each (the scorecard): through its store they are answered from these.
 */
export async function prefetchValueCounts(
  store: Store,
  options: { tenant: string; contractId: string; periods: PeriodWindow[]; asOf: string },
): Promise<void> {
  const { contract } = await getVersion(store, options.tenant, options.contractId);
  await runQuery(store, countsQuery(options.tenant, contract, options.periods, options.asOf));
}

const ratio = (numerator: InstanceType<typeof Dec>, n: number) => ({
  value: n > 0 ? numerator.div(n).toNumber() : null,
  n,
});

async function scopeCounts(
  store: Store,
  tenant: string,
  contract: Contract,
  period: PeriodWindow,
  asOf: string,
) {
  const where = { vendor: [contract.vendor], workflow: contract.workflows };
  const base = { tenant, periods: [period], zone: contract.timezone, by: [], minN: 1, asOf };
  const [contacts, resolution, revenue] = await runQuery(
    store,
    countsQuery(tenant, contract, [period], asOf),
  );
  const n = contacts?.n ?? 0;
  let uplift = new Dec(0);
  const portfolio = contract.portfolios.find((p) => p.outcomes.some((o) => o.metric === 'retention_90d'));
  const outcome = portfolio?.outcomes.find((o) => o.metric === 'retention_90d');
  if (portfolio && outcome) {
    const baseline =
      'period' in outcome.baseline
        ? parseWindow(outcome.baseline.period, contract.timezone, 'baseline')
        : outcome.baseline.value;
    const [retention] = await runQuery(store, {
      ...base,
      metrics: ['retention_90d'],
      where: { vendor: [contract.vendor], workflow: portfolio.workflows },
      params: outcome.params,
      baseline,
    });
    const monthly = await meanMonthlyValue(store, tenant, contract, portfolio.workflows, period);
    if (retention?.difference !== null && retention?.difference !== undefined) {
      uplift = new Dec(retention.difference).times(retention.n).times(monthly).times(12);
    }
  }
  return {
    contacts: n,
    handled: await handledHumanContacts(store, contract, period, where, tenant),
    resolved: Math.round((resolution?.value ?? 0) * (resolution?.n ?? 0)),
    revenue: new Dec(revenue?.value ?? 0).times(n),
    uplift,
  };
}

async function meanMonthlyValue(
  store: Store,
  tenant: string,
  contract: Contract,
  workflows: string[],
  period: PeriodWindow,
) {
  const ctx = sourceContext(store, tenant, contract, period, {
    vendor: [contract.vendor],
    workflow: workflows,
  });
  const [row] = await persistedRows<{
    mean: number | null;
  }>(
    store,
    tenant,
    sql`SELECT avg(c.monthly_value) AS mean FROM customers c
    WHERE c.tenant = ${tenant} AND c.customer_id IN (SELECT customer_id FROM (${contactsSource(ctx)}) s WHERE handled)`,
  );
  return Number(row?.mean ?? 0);
}

const sourceContext = (
  store: Store,
  tenant: string,
  contract: Contract,
  period: PeriodWindow,
  filters: Scope['filters'],
) => ({
  scope: { tenant, period, zone: contract.timezone, filters, by: [], asOf: '' },
  params: {},
  dialect: store.dialect,
});

/** Contacts the vendor's people handled: not abandoned, path human or bot_to_human (metrics.md, cost_per_contact). */
async function handledHumanContacts(
  store: Store,
  contract: Contract,
  period: PeriodWindow,
  filters: Scope['filters'],
  tenant: string,
): Promise<number> {
  const ctx = sourceContext(store, tenant, contract, period, filters);
  const [row] = await persistedRows<{ n: number }>(
    store,
    tenant,
    sql`SELECT count(*) AS n FROM (${contactsSource(ctx)}) s WHERE handled AND human_path`,
  );
  return Number(row?.n ?? 0);
}
