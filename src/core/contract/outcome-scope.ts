import { readsInteractions } from '../metric/catalog.js';
import type { Dimension } from '../metric/scope.js';
import type { MetricInfo } from '../metric/types.js';
import { resolveParams } from './params.js';
import type { Contract, ParamValue } from './types.js';

/**
 * The one rule for what a contract's outcome is measured on (contract-format.md, "Scope of
 * an outcome"): the vendor's interactions on the given workflows when the metric reads
 * interactions, the vendor alone otherwise. Settlement, the overview, recalibration, the
 * renewal scorecard and the dashboard all ask here.
 */
export interface OutcomeScope {
  vendor: string;
  /** null: the metric does not read interactions, so workflows do not narrow it. */
  workflows: string[] | null;
}

export function outcomeScope(
  info: Pick<MetricInfo, 'datasets'>,
  vendor: string,
  workflows: readonly string[],
): OutcomeScope {
  return { vendor, workflows: readsInteractions(info) ? [...workflows] : null };
}

/** The query filters of an outcome scope. */
export function scopeFilters(scope: OutcomeScope): Partial<Record<Dimension, string[]>> {
  return scope.workflows ? { vendor: [scope.vendor], workflow: scope.workflows } : { vendor: [scope.vendor] };
}

/**
 * The parameters a metric is measured with under a contract: the outcome's own when the
 * metric is an outcome (of the portfolio asked for, or of the portfolio whose workflows the
 * query names, else the first), then a key measurement's, then what remoteOperations and
 * security set, then the catalog defaults.
 */
export function contractParams(
  contract: Contract,
  info: Pick<MetricInfo, 'id' | 'params'> & Partial<MetricInfo>,
  hint: { portfolio?: string; workflows?: readonly string[] } = {},
): Record<string, ParamValue> {
  const holding = contract.portfolios.filter((p) => p.outcomes.some((o) => o.metric === info.id));
  const sameSet = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((w) => b.includes(w));
  const portfolio =
    holding.find((p) => p.id === hint.portfolio) ??
    holding.find((p) => hint.workflows !== undefined && sameSet(p.workflows, hint.workflows)) ??
    holding[0];
  const outcome = portfolio?.outcomes.find((o) => o.metric === info.id);
  if (outcome) return outcome.params;
  const key = contract.keyMeasurements.find((k) => k.metric === info.id);
  if (key) return key.params;
  return resolveParams(info as MetricInfo, {}, contract.paramDefaults ?? {});
}
