import type { z } from 'zod';
import { METRIC_CATALOG, metricInfo } from '../metric/catalog.js';
import type { MetricInfo } from '../metric/types.js';
import { isRecord } from '../yaml/read-yaml.js';
import type { Reporter } from '../yaml/reporter.js';
import { scalarText, suggest } from '../yaml/reporter.js';
import { checkParam } from './params.js';
import { evaluatePayout, percent } from './payout.js';
import type { OutcomeDirection, ParamValue } from './types.js';
import { fraction, metricValue, valueForm } from './units.js';

type Path = (string | number)[];

/** The parsed value, or undefined when the schema rejects it (the schema pass reports that). */
export const read = <T extends z.ZodType>(schema: T, raw: unknown): z.output<T> | undefined => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

const pay = fraction('pay');
const DIRECTIONS: Record<string, OutcomeDirection> = { higher_is_better: 'higher', lower_is_better: 'lower' };
const words = (direction: OutcomeDirection) => `${direction}-is-better`;

/** What one outcome means: its metric, direction, params, values in the metric's unit, curve and sides. */
export function checkOutcome(rep: Reporter, warn: Reporter, path: Path, raw: Record<string, unknown>): void {
  const info = metricOf(rep, path, raw.metric);
  const direction = info && directionOf(rep, path, info, raw.direction);
  if (info) checkParams(rep, [...path, 'params'], info, raw.params);

  const payout = isRecord(raw.payout) ? raw.payout : {};
  const points = Array.isArray(payout.points) ? payout.points : [];
  const at = (index: number): Path => [...path, 'payout', 'points', index, 'at'];
  const fits = (where: Path, value: unknown) => (info ? checkUnit(rep, where, info, value) : false);
  const targetFits = fits([...path, 'target'], raw.target);
  const baselineFits = isRecord(raw.baseline) || fits([...path, 'baseline'], raw.baseline);
  const pointsFit = points.map((point, index) => isRecord(point) && fits(at(index), point.at)).every(Boolean);
  if (!direction) return;

  const target = targetFits ? read(metricValue, raw.target) : undefined;
  const baseline = baselineFits && !isRecord(raw.baseline) ? read(metricValue, raw.baseline) : undefined;
  if (
    target !== undefined &&
    baseline !== undefined &&
    !(direction === 'higher' ? target > baseline : target < baseline)
  ) {
    const side = direction === 'higher' ? 'above' : 'below';
    const [t, b] = [written(rep, [...path, 'target']), written(rep, [...path, 'baseline'])];
    rep.node(
      'target_side',
      [...path, 'target'],
      `${info?.id} is ${words(direction)}, so the target must be ${side} the baseline: target ${t} is not ${side} baseline ${b}`,
    );
  }
  const curve = pointsFit ? checkCurve(rep, [...path, 'payout', 'points'], direction, points) : undefined;
  if (curve && target !== undefined) {
    const interpolate = payout.interpolate === 'step' ? 'step' : 'linear';
    const atTarget = evaluatePayout({ interpolate, points: curve }, direction, target);
    if (atTarget.pay !== 0) {
      const message = `the payout curve pays ${percent(atTarget.pay)} at the target ${written(rep, [...path, 'target'])}; usually the target pays 0%`;
      warn.node('target_pays', [...path, 'target'], message);
    }
  }
}

/** A scalar as written in the file (0.90 stays 0.90). */
const written = (rep: Reporter, path: Path): string => {
  const node = rep.locator.node(path);
  return scalarText(node) ?? '?';
};

function metricOf(rep: Reporter, path: Path, id: unknown): MetricInfo | undefined {
  if (typeof id !== 'string') return undefined;
  const info = metricInfo(id);
  const at = [...path, 'metric'];
  if (!info) {
    const ids = METRIC_CATALOG.filter((m) => !m.needsContract).map((m) => m.id);
    rep.node(
      'unknown_metric',
      at,
      `unknown metric ${id}${suggest(id, ids)}; expected a metric of metrics.md: ${ids.join(', ')}`,
    );
    return undefined;
  }
  if (info.needsContract) {
    rep.node(
      'circular_metric',
      at,
      `${id} is computed from the settlement itself, so it cannot be an outcome that settles`,
    );
    return undefined;
  }
  return info;
}

function directionOf(
  rep: Reporter,
  path: Path,
  info: MetricInfo,
  raw: unknown,
): OutcomeDirection | undefined {
  const written = typeof raw === 'string' ? DIRECTIONS[raw] : undefined;
  if (info.direction === 'neutral') {
    const where = written ? [...path, 'direction'] : [...path, 'metric'];
    const why = written ? `direction ${raw} contradicts the catalog: ` : '';
    rep.node(
      'neutral_metric',
      where,
      `${why}${info.id} is neutral (neither higher nor lower is better), so it cannot be a paid outcome; choose a metric with a direction`,
    );
    return undefined;
  }
  if (written && written !== info.direction) {
    rep.node(
      'direction_conflict',
      [...path, 'direction'],
      `${info.id} is ${words(info.direction)} in the metric catalog: write direction: ${info.direction}_is_better or leave it out`,
    );
    return undefined;
  }
  return info.direction;
}

function checkParams(rep: Reporter, path: Path, info: MetricInfo, raw: unknown): Record<string, ParamValue> {
  const own: Record<string, ParamValue> = {};
  if (!isRecord(raw)) return own;
  const names = info.params.map((def) => def.name);
  for (const [name, value] of Object.entries(raw)) {
    const def = info.params.find((candidate) => candidate.name === name);
    if (!def) {
      const known =
        names.length === 0
          ? `${info.id} has no parameters`
          : `the parameters of ${info.id} are ${names.join(', ')}`;
      rep.key(
        'unknown_param',
        path,
        name,
        `unknown parameter ${name} of ${info.id}${suggest(name, names)}; ${known}`,
      );
      continue;
    }
    const checked = checkParam(def, value);
    if (checked.ok) own[name] = checked.value;
    else rep.node('invalid_param', [...path, name], `${info.id} ${name}: expected ${checked.expected}`);
  }
  return own;
}

/** Whether a metric value is written in a form and range that fits the metric's unit; reports why not. */
function checkUnit(rep: Reporter, path: Path, info: MetricInfo, raw: unknown): boolean {
  const form = valueForm(raw);
  const value = read(metricValue, raw);
  if (form === undefined || value === undefined) return false; // the schema reports it
  const count = rep.issues.length;
  const shareLike = info.unit === 'share' || info.unit === 'ratio';
  if (form === 'percent' && !shareLike) {
    rep.node(
      'unit_mismatch',
      path,
      `${info.id} is measured in ${info.unit}, not a share: write a plain number, not ${raw}`,
    );
  } else if (form === 'duration' && info.unit !== 'seconds') {
    const hint = info.unit === 'days' ? ' (days as a plain number)' : '';
    rep.node(
      'unit_mismatch',
      path,
      `${info.id} is measured in ${info.unit}, not a time: write a plain number${hint}, not ${raw}`,
    );
  } else if (info.unit === 'share' && (value < 0 || value > 1)) {
    rep.node(
      'out_of_range',
      path,
      `${info.id} is a share between 0 and 1: write ${value / 100} or ${value}%, not ${written(rep, path)}`,
    );
  } else if (value < 0 && info.unit !== 'ratio') {
    rep.node('out_of_range', path, `${info.id} cannot be negative, found ${raw}`);
  }
  return rep.issues.length === count;
}

/** Points worst to best: `at` strictly improving in the metric's direction, pay never decreasing. */
function checkCurve(rep: Reporter, path: Path, direction: OutcomeDirection, points: unknown[]) {
  const parsed = points.map((point) =>
    isRecord(point) ? { at: read(metricValue, point.at), pay: read(pay, point.pay) } : {},
  );
  let monotonic = true;
  for (let i = 1; i < parsed.length; i += 1) {
    const [before, here] = [parsed[i - 1]?.at, parsed[i]?.at];
    if (before === undefined || here === undefined) continue;
    if (direction === 'higher' ? here > before : here < before) continue;
    const way = direction === 'higher' ? 'above' : 'below';
    rep.node(
      'curve_not_monotonic',
      [...path, i, 'at'],
      `payout points run worst to best: for a ${words(direction)} metric each at must be strictly ${way} the one before (${here} after ${before})`,
    );
    monotonic = false;
    break;
  }
  for (let i = 1; i < parsed.length; i += 1) {
    const [before, here] = [parsed[i - 1]?.pay, parsed[i]?.pay];
    if (before === undefined || here === undefined || here >= before) continue;
    rep.node(
      'pay_decreasing',
      [...path, i, 'pay'],
      `pay never decreases from worst to best: ${percent(here)} after ${percent(before)}`,
    );
    monotonic = false;
    break;
  }
  const complete = parsed.every((point) => point.at !== undefined && point.pay !== undefined);
  return monotonic && complete && parsed.length >= 2 ? (parsed as { at: number; pay: number }[]) : undefined;
}
