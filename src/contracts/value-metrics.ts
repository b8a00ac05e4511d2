import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import { contactsSource } from '../core/metric/contacts-source.js';
import type { MetricResult } from '../core/metric/types.js';
import { Dec } from '../core/money/money.js';
import { sql } from '../core/sql/fragment.js';
import { periodWindows, runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';
import { getVersion } from './contract-store.js';
import { computeSettlement } from './settle-contract.js';

export const VALUE_METRIC_IDS = ['cost_per_contact', 'cost_per_resolved_contact', 'value_per_contact'];

/**
 * Value metrics (metrics.md, Value) join a contract's invoice to its outcomes, on the
 * contract's scope (vendor and the portfolios' workflows) in the contract's zone:
 * cost per contact and per resolved contact, and value per contact = (revenue + retention
 * uplift value) / contacts, where the uplift is (retention_90d − its baseline) × customers
 * × mean monthly_value × 12, from the contract's retention outcome (none: no uplift).
 */
export async function valueMetrics(
  store: Store,
  options: { tenant: string; contractId: string; period: string; metrics: string[]; asOf: string },
): Promise<MetricResult[]> {
  const { contract } = await getVersion(store, options.tenant, options.contractId);
  const results: MetricResult[] = [];
  for (const window of periodWindows(options.period, contract.timezone)) {
    const settlement = await computeSettlement(
      store,
      options.tenant,
      options.contractId,
      window.label,
      options.asOf,
    );
    const total = new Dec(settlement.invoice.total);
    const scope = await scopeCounts(store, options.tenant, contract, window.label, options.asOf);
    for (const id of options.metrics) {
      const info = metricInfo(id);
      if (!info || !VALUE_METRIC_IDS.includes(id)) throw new UserError(`${id} is not a value metric`);
      const { value, n } =
        id === 'cost_per_contact'
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
      });
    }
  }
  return results;
}

const ratio = (numerator: InstanceType<typeof Dec>, n: number) => ({
  value: n > 0 ? numerator.div(n).toNumber() : null,
  n,
});

async function scopeCounts(store: Store, tenant: string, contract: Contract, period: string, asOf: string) {
  const where = { vendor: [contract.vendor], workflow: contract.workflows };
  const base = { tenant, period, zone: contract.timezone, by: [], minN: 1, asOf };
  const [contacts, resolution, revenue] = await runQuery(store, {
    ...base,
    metrics: ['contacts', 'resolution_rate', 'revenue_per_contact'],
    where,
    params: {},
  });
  const n = contacts?.n ?? 0;
  let uplift = new Dec(0);
  const portfolio = contract.portfolios.find((p) => p.outcomes.some((o) => o.metric === 'retention_90d'));
  const outcome = portfolio?.outcomes.find((o) => o.metric === 'retention_90d');
  if (portfolio && outcome) {
    const baseline = 'period' in outcome.baseline ? outcome.baseline.period : String(outcome.baseline.value);
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
  period: string,
) {
  const [window] = periodWindows(period, contract.timezone);
  if (!window) return 0;
  const ctx = {
    scope: {
      tenant,
      period: window,
      zone: contract.timezone,
      filters: { vendor: [contract.vendor], workflow: workflows },
      by: [],
      asOf: '',
    },
    params: {},
    dialect: store.dialect,
  };
  const [row] = await store.query<{
    mean: number | null;
  }>(sql`SELECT avg(c.monthly_value) AS mean FROM customers c
    WHERE c.tenant = ${tenant} AND c.customer_id IN (SELECT customer_id FROM (${contactsSource(ctx)}) s WHERE handled)`);
  return Number(row?.mean ?? 0);
}
