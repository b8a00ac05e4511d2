import { UserError } from '../core/issues.js';
import { METRIC_CATALOG, metricInfo } from '../core/metric/catalog.js';
import type { MetricRequest } from '../core/metric/compile.js';
import { type CustomMetric, customInfo, customPlan } from '../core/metric/custom/index.js';
import { resolveParams } from '../core/metric/params.js';
import { METRIC_PLANS } from '../core/metric/plans.js';
import type { MetricInfo } from '../core/metric/types.js';

export interface ResolvedRequest extends MetricRequest {
  info: MetricInfo;
}

/** Metric ids and `key=value` parameters -> plans with their parameters, or a UserError naming what is wrong. */
export function resolveRequests(
  ids: string[],
  params: Record<string, unknown>,
  metricParams: Record<string, Record<string, unknown>> = {},
  custom: readonly CustomMetric[] = [],
): ResolvedRequest[] {
  return ids.map((id) => {
    const own = custom.find((m) => m.id === id);
    const info = metricInfo(id) ?? (own && customInfo(own));
    if (!info) {
      throw new UserError(
        `unknown metric ${id}; the catalog has: ${[...METRIC_CATALOG, ...custom.map(customInfo)].map((m) => m.id).join(', ')}`,
      );
    }
    const plan = METRIC_PLANS[id] ?? (own && customPlan(own));
    if (!plan) {
      throw new UserError(
        info.needsContract
          ? `${id} joins settlements to outcomes: it needs --contract ID`
          : `${id} cannot be queried yet`,
      );
    }
    // A parameter applies to every asked metric that has it; one no asked metric has is an error.
    const asked = {
      ...metricParams[id],
      ...Object.fromEntries(
        Object.entries(params).filter(([name]) => info.params.some((p) => p.name === name)),
      ),
    };
    const resolved = resolveParams(info, asked);
    if (!resolved.ok) throw new UserError(`bad parameters for ${id}`, resolved.issues);
    return { metric: id, info, plan, params: resolved.value };
  });
}

export function checkParamsUsed(
  ids: string[],
  params: Record<string, unknown>,
  custom: readonly CustomMetric[] = [],
): void {
  const infoOf = (id: string) => {
    const own = custom.find((m) => m.id === id);
    return metricInfo(id) ?? (own && customInfo(own));
  };
  for (const name of Object.keys(params)) {
    if (!ids.some((id) => infoOf(id)?.params.some((p) => p.name === name))) {
      throw new UserError(`--param ${name}: none of ${ids.join(', ')} has that parameter`);
    }
  }
}
