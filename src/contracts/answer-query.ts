import { contractParams } from '../core/contract/outcome-scope.js';
import type { Contract } from '../core/contract/types.js';
import { UserError } from '../core/issues.js';
import { metricInfo } from '../core/metric/catalog.js';
import type { Dimension, Grain, PeriodWindow } from '../core/metric/scope.js';
import type { MetricResult } from '../core/metric/types.js';
import type { Sql } from '../core/sql/fragment.js';
import { reportedResult } from '../core/stats/reported.js';
import { checkWindowBounds } from '../core/time/bounds.js';
import { parseWindow, parseWindows } from '../core/time/period-window.js';
import { checkZone } from '../core/time/zone.js';
import { emptyResultWarnings } from '../query/filter-warnings.js';
import { runQuery } from '../query/run-query.js';
import type { Store } from '../store/store.js';
import { getVersion } from './contract-store.js';
import { VALUE_METRIC_IDS, valueMetrics } from './value-metrics.js';

/** A query as the CLI and the API take it: text, parsed here once. */
export interface QueryAsk {
  metrics: string[];
  period: string;
  timezone?: string;
  where: Partial<Record<Dimension, string[]>>;
  by: Dimension[];
  grain?: Grain;
  params: Record<string, string>;
  baseline?: string;
  minN: number;
  /** Measure with this contract's parameters and zone (and value metrics on its invoices). */
  contract?: string;
  asOf?: string;
}

/** How the caller names each input, so an error names the caller's own flag or field. */
export type FieldNames = Record<'period' | 'timezone' | 'baseline' | 'contract', string>;
export const CLI_FIELDS: FieldNames = {
  period: '--period',
  timezone: '--timezone',
  baseline: '--baseline',
  contract: '--contract',
};
export const API_FIELDS: FieldNames = {
  period: 'period',
  timezone: 'timezone',
  baseline: 'baseline',
  contract: 'contract',
};

export interface QueryAnswer {
  results: MetricResult[];
  /** Why nothing was found, when nothing was: unknown filter values, periods with no data. */
  warnings: string[];
}

/**
 * The one way a question becomes numbers, for the CLI and the API alike: with a contract,
 * every metric takes the contract's parameters and zone (as its pages show them) unless a
 * zone is asked for; without, the catalog defaults and the zone asked (UTC by default).
 * Each result carries the parameters and the zone it was measured with.
 */
export async function answerQuery(
  store: Store,
  tenant: string,
  ask: QueryAsk,
  fields: FieldNames,
  onStatement?: (statement: Sql) => void,
): Promise<QueryAnswer> {
  const contract = ask.contract ? (await getVersion(store, tenant, ask.contract)).contract : undefined;
  const zone = zoneOf(ask, contract, fields);
  // Bounded before anything runs (docs/security.md): a century of days answers 400 at once.
  const periods = checkWindowBounds(
    parseWindows(ask.period, zone, fields.period),
    ask.grain,
    fields.period,
  ) as PeriodWindow[];
  const valueIds = ask.metrics.filter((id) => VALUE_METRIC_IDS.includes(id));
  if (valueIds.length > 0 && !ask.contract)
    throw new UserError(`${valueIds.join(', ')} join invoices to outcomes: they need ${fields.contract} ID`);
  const others = ask.metrics.filter((id) => !valueIds.includes(id));
  const asOf = ask.asOf ?? new Date().toISOString();
  const results = [
    ...(others.length === 0
      ? []
      : await runQuery(store, {
          metrics: others,
          tenant,
          periods,
          zone,
          where: ask.where,
          by: ask.by,
          grain: ask.grain,
          params: ask.params,
          metricParams: contract ? paramsUnder(contract, others, ask.where.workflow) : undefined,
          baseline: baselineOf(ask.baseline, zone, fields.baseline),
          minN: ask.minN,
          asOf,
          onStatement,
        })),
    ...(ask.contract && valueIds.length > 0
      ? await valueMetrics(store, { tenant, contractId: ask.contract, periods, metrics: valueIds, asOf })
      : []),
  ];
  return {
    results: results.map(reportedResult),
    warnings: await emptyResultWarnings(store, tenant, ask.where, periods, results),
  };
}

function zoneOf(ask: QueryAsk, contract: Contract | undefined, fields: FieldNames): string {
  const checked = ask.timezone === undefined ? undefined : checkZone(ask.timezone);
  if (checked && !checked.ok)
    throw new UserError(
      `${fields.timezone} ${ask.timezone}: not an IANA time zone (expected e.g. Europe/Lisbon)`,
    );
  // A zone asked for explicitly wins (a site's local calendar on a drill-down); every result
  // says which zone it was measured in, so the contract's own number stays recognisable.
  return ask.timezone ?? contract?.timezone ?? 'UTC';
}

function paramsUnder(contract: Contract, ids: string[], workflows: readonly string[] | undefined) {
  return Object.fromEntries(
    ids.flatMap((id) => {
      const info = metricInfo(id);
      return info ? [[id, contractParams(contract, info, { workflows })]] : [];
    }),
  );
}

function baselineOf(
  text: string | undefined,
  zone: string,
  field: string,
): PeriodWindow | number | undefined {
  if (text === undefined) return undefined;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const [window] = checkWindowBounds([parseWindow(text, zone, field)], undefined, field);
  return window as PeriodWindow;
}
