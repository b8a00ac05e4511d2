import { fail, type Issue, ok, type Result, UserError } from '../issues.js';
import { metricInfo } from '../metric/catalog.js';
import { DIMENSIONS, type Dimension, isDimension } from '../metric/scope.js';
import { addDays, isDate } from '../time/calendar.js';
import { parseDuration } from '../time/duration.js';

export type Filters = Partial<Record<Dimension, string[]>>;

/** A joint intervention (metrics.md, "Experiments"): what changed where, when, and what it is compared with. */
export interface ExperimentDefinition {
  id: string;
  title: string;
  metric: string;
  treated: Filters;
  control: Filters;
  /** Filters both arms share (e.g. workflow=card_dispute). */
  where: Filters;
  /** Local date of the intervention: the first day of the post window. */
  start: string;
  preDays: number;
  postDays: number;
  timezone: string;
  contract: string | null;
  params: Record<string, unknown>;
}

/** Local dates (inclusive) of the two windows: the preDays before the start and the postDays from it. */
export function experimentWindows(def: Pick<ExperimentDefinition, 'start' | 'preDays' | 'postDays'>) {
  return {
    pre: { from: addDays(def.start, -def.preDays), to: addDays(def.start, -1) },
    post: { from: def.start, to: addDays(def.start, def.postDays - 1) },
  };
}

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_DAYS = 731;
const MAX_VALUES = 50;

export interface ExperimentInput {
  id?: string;
  title?: string;
  metric?: string;
  treated?: Filters;
  control?: Filters;
  where?: Filters;
  start?: string;
  pre?: string;
  post?: string;
  timezone?: string;
  contract?: string | null;
  params?: Record<string, unknown>;
}

/** Checks an experiment and collects every problem with its path before failing. */
export function checkExperiment(input: ExperimentInput, needsId = true): Result<ExperimentDefinition> {
  const issues: Issue[] = [];
  const problem = (path: string, message: string, code = 'invalid') =>
    issues.push({ code, path: [path], message });
  const id = input.id ?? 'one-off';
  if (needsId && !ID.test(id)) problem('id', `"${id}": expected lowercase letters, digits and '-' (max 63)`);
  const title = input.title ?? id;
  if (title.length > 200) problem('title', 'at most 200 characters');
  const metric = input.metric ?? '';
  const info = metricInfo(metric);
  if (!info) problem('metric', `unknown metric "${metric}" (see covenant metrics)`, 'unknown_metric');
  else if (info.needsContract)
    problem('metric', `${metric} needs a contract's settlements; not an experiment metric`);
  for (const key of ['treated', 'control', 'where'] as const) checkFilters(input[key] ?? {}, key, problem);
  if (Object.keys(input.treated ?? {}).length === 0)
    problem('treated', 'expected at least one filter, e.g. site=SITE or vendor=VENDOR');
  if (Object.keys(input.control ?? {}).length === 0)
    problem('control', 'expected at least one filter, e.g. site=SITE or vendor=VENDOR');
  const start = input.start ?? '';
  if (!isDate(start)) problem('start', `"${start}": expected a date YYYY-MM-DD`);
  const preDays = days(input.pre ?? '90d', 'pre', problem);
  const postDays = days(input.post ?? '90d', 'post', problem);
  const timezone = input.timezone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    problem('timezone', `"${timezone}": not an IANA time zone (e.g. Europe/Lisbon)`);
  }
  if (issues.length > 0) return fail(issues);
  return ok({
    id,
    title,
    metric,
    treated: input.treated ?? {},
    control: input.control ?? {},
    where: input.where ?? {},
    start,
    preDays,
    postDays,
    timezone,
    contract: input.contract ?? null,
    params: input.params ?? {},
  });
}

function checkFilters(
  filters: Filters,
  path: string,
  problem: (path: string, message: string) => void,
): void {
  for (const [key, values] of Object.entries(filters)) {
    if (!isDimension(key)) problem(path, `${key}: expected one of ${DIMENSIONS.join(', ')}`);
    if (!Array.isArray(values) || values.length === 0 || values.length > MAX_VALUES)
      problem(path, `${key}: expected 1 to ${MAX_VALUES} values`);
    else if (values.some((v) => typeof v !== 'string' || v.length === 0 || v.length > 100))
      problem(path, `${key}: values must be non-empty text of at most 100 characters`);
  }
}

function days(text: string, path: string, problem: (path: string, message: string) => void): number {
  const parsed = parseDuration(text, [path]);
  if (!parsed.ok || parsed.value.unit !== 'd' || parsed.value.amount < 1 || parsed.value.amount > MAX_DAYS) {
    problem(path, `"${text}": expected whole days from 1d to ${MAX_DAYS}d, e.g. 90d`);
    return 0;
  }
  return parsed.value.amount;
}

/**
 * `k=v[,k=v]` filter text: `site=lisbon,channel=chat`. A part without `=` is one more
 * value of the key before it, so `site=capetown,krakow` names two sites.
 */
export function parseFilters(text: string, option: string): Filters {
  const filters: Record<string, string[]> = {};
  let last: string | undefined;
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    if (at < 0 && last) {
      filters[last]?.push(part);
      continue;
    }
    if (at <= 0) throw new UserError(`${option} ${part}: expected key=value`);
    last = part.slice(0, at).trim();
    filters[last] = [...(filters[last] ?? []), part.slice(at + 1).trim()];
  }
  return filters as Filters;
}
