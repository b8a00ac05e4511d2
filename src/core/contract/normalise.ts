import { metricInfo } from '../metric/catalog.js';
import type { MetricInfo } from '../metric/types.js';
import { checkParam, resolveParams, sectionDefaults } from './params.js';
import type { ParsedContract, ParsedOutcome } from './schema.js';
import type { Contract, IncidentLimit, KeyMeasurement, Outcome, ParamValue, Security } from './types.js';

/** The normal form of a contract that passed every check (so every metric is known and directed). */
export function normalise(parsed: ParsedContract): Contract {
  const { metadata, spec } = parsed;
  const sections = sectionDefaults(spec);
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  const workflows = [...new Set(spec.portfolios.flatMap((portfolio) => portfolio.workflows))];
  return {
    name: metadata.name,
    ...optional('displayName', metadata.displayName),
    ...optional('description', metadata.description ?? spec.description),
    version: metadata.version,
    labels: metadata.labels ?? {},
    client: spec.client,
    vendor: spec.vendor,
    currency: spec.currency,
    term: spec.term,
    effectiveFrom: spec.effectiveFrom ?? spec.term.start,
    timezone: spec.timezone,
    settlement: spec.settlement,
    pricing: { ...spec.pricing, base: { ...spec.pricing.base } },
    portfolios: spec.portfolios.map((portfolio) => ({
      id: portfolio.id,
      ...optional('displayName', portfolio.displayName),
      ...optional('description', portfolio.description),
      workflows: portfolio.workflows,
      weight: portfolio.weight,
      minSample: portfolio.minSample,
      outcomes: portfolio.outcomes.map((outcome) => normaliseOutcome(outcome, sections)),
    })),
    ...optional('earnBack', spec.earnBack && { ...spec.earnBack }),
    ...optional('continuousImprovement', spec.continuousImprovement && { ...spec.continuousImprovement }),
    ...optional('chronicFailure', spec.chronicFailure && { ...spec.chronicFailure }),
    ...optional(
      'recalibration',
      spec.recalibration && {
        ...spec.recalibration,
        triggers: spec.recalibration.triggers.map(({ measure, change }) => ({
          measure,
          mode: change.mode,
          change: change.amount,
        })),
      },
    ),
    ...optional('remoteOperations', spec.remoteOperations && seconds(spec.remoteOperations)),
    ...optional('security', spec.security && security(spec.security)),
    workflows,
    keyMeasurements: keyMeasurements(spec, sections),
    paramDefaults: sections,
  };
}

const info = (id: string): MetricInfo => {
  const found = metricInfo(id);
  if (!found) throw new Error(`metric ${id} passed the checks but is not in the catalog`);
  return found;
};

function normaliseOutcome(
  outcome: ParsedOutcome,
  sections: Record<string, Record<string, ParamValue>>,
): Outcome {
  const metric = info(outcome.metric);
  const own: Record<string, ParamValue> = {};
  for (const [name, raw] of Object.entries(outcome.params ?? {})) {
    const def = metric.params.find((candidate) => candidate.name === name);
    const checked = def && checkParam(def, raw);
    if (checked?.ok) own[name] = checked.value;
  }
  const written =
    outcome.direction === undefined
      ? undefined
      : outcome.direction === 'higher_is_better'
        ? 'higher'
        : 'lower';
  return {
    metric: outcome.metric,
    ...(outcome.displayName === undefined ? {} : { displayName: outcome.displayName }),
    direction: written ?? (metric.direction === 'lower' ? 'lower' : 'higher'),
    params: resolveParams(metric, own, sections),
    weight: outcome.weight,
    baseline:
      typeof outcome.baseline === 'number'
        ? { value: outcome.baseline }
        : { period: outcome.baseline.period },
    target: outcome.target,
    payout: { interpolate: outcome.payout.interpolate, points: outcome.payout.points.map((p) => ({ ...p })) },
  };
}

const DAY = 86_400;
const durationSeconds = (text: string): number => {
  const match = /^(\d+)(s|m|h|d)$/.exec(text);
  const unit = { s: 1, m: 60, h: 3600, d: DAY }[(match?.[2] ?? 's') as 's'];
  return Number(match?.[1] ?? 0) * unit;
};

function seconds(ops: NonNullable<ParsedContract['spec']['remoteOperations']>): Contract['remoteOperations'] {
  const { coaching, ...rest } = ops;
  if (!coaching) return rest;
  const { cadence, ...others } = coaching;
  return {
    ...rest,
    coaching: { ...others, ...(cadence === undefined ? {} : { cadence: durationSeconds(cadence) }) },
  };
}

function security(sec: NonNullable<ParsedContract['spec']['security']>): Security {
  const { incidents, ...rest } = sec;
  if (!incidents) return rest;
  const limits: Record<string, IncidentLimit> = {};
  for (const [severity, limit] of Object.entries(incidents)) {
    if (limit) {
      limits[severity] = {
        acknowledgeWithin: durationSeconds(limit.acknowledgeWithin),
        resolveWithin: durationSeconds(limit.resolveWithin),
      };
    }
  }
  return { ...rest, incidents: limits };
}

/** What remoteOperations and security ask to be reported and alerted (no payout unless also an outcome). */
function keyMeasurements(
  spec: ParsedContract['spec'],
  sections: Record<string, Record<string, ParamValue>>,
): KeyMeasurement[] {
  const ops = spec.remoteOperations;
  const sec = spec.security;
  const entries: [string, number | undefined, string][] = [
    ['adherence', ops?.adherence?.target, 'remoteOperations.adherence.target'],
    ['coaching_coverage', ops?.coaching?.coverage, 'remoteOperations.coaching.coverage'],
    ['qa_alpha', ops?.qaCalibration?.minAlpha, 'remoteOperations.qaCalibration.minAlpha'],
    ['backfill_days', ops?.backfill?.criticalRoleDays, 'remoteOperations.backfill.criticalRoleDays'],
    ['access_compliance', sec?.access ? 1 : undefined, 'security.access'],
    ['incident_ack_sla', sec?.incidents ? 1 : undefined, 'security.incidents'],
    ['incident_resolve_sla', sec?.incidents ? 1 : undefined, 'security.incidents'],
    ['max_site_share', sec?.continuity?.maxSiteShare, 'security.continuity.maxSiteShare'],
  ];
  return entries.flatMap(([id, threshold, source]) => {
    if (threshold === undefined) return [];
    const metric = info(id);
    const direction = metric.direction === 'lower' ? 'lower' : 'higher';
    return [{ metric: id, direction, threshold, params: resolveParams(metric, {}, sections), source }];
  });
}
