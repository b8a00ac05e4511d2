import { isRecord } from '../yaml/read-yaml.js';
import { percent } from './payout.js';
import type { Contract } from './types.js';

/**
 * What changed between two versions of a contract (`covenant contract diff`), on the
 * normal form so that `12%` and `0.12` are no change. Lists of portfolios, outcomes and
 * triggers are matched by id, metric and measure, so a reordering is no change either;
 * other lists (workflows, curve points, countries) compare as a whole.
 */

export interface DiffEntry {
  /** Object keys, and the id / metric / measure of list items. */
  path: string[];
  /** `portfolios[card-disputes].outcomes[csat].target` */
  label: string;
  kind: 'added' | 'removed' | 'changed';
  old?: unknown;
  new?: unknown;
}

/** Derived from the rest: a change shows where it was made. */
const DERIVED = new Set(['keyMeasurements', 'workflows']);
const KEYS: Record<string, string> = { portfolios: 'id', outcomes: 'metric', triggers: 'measure' };
const FRACTIONS = new Set([
  'weight',
  'atRisk',
  'bonusCap',
  'pay',
  'shrinkage',
  'maxOccupancy',
  'coverage',
  'maxSiteShare',
  'serviceLevel',
  'allocationPool',
  'share',
]);
const SECONDS = new Set(['interval', 'effectiveLag', 'cadence', 'acknowledgeWithin', 'resolveWithin']);

export function contractDiff(a: Contract, b: Contract): DiffEntry[] {
  const entries: DiffEntry[] = [];
  compare(a, b, [], '', entries);
  return entries;
}

function compare(a: unknown, b: unknown, path: string[], label: string, out: DiffEntry[]): void {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      if (path.length === 0 && DERIVED.has(key)) continue;
      const keyed = KEYS[key];
      const at = label ? `${label}.${key}` : key;
      if (keyed && Array.isArray(a[key]) && Array.isArray(b[key])) {
        compareKeyed(a[key] as unknown[], b[key] as unknown[], keyed, [...path, key], at, out);
      } else {
        compare(a[key], b[key], [...path, key], at, out);
      }
    }
    return;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  out.push({
    path,
    label,
    kind,
    ...(a === undefined ? {} : { old: a }),
    ...(b === undefined ? {} : { new: b }),
  });
}

function compareKeyed(
  a: unknown[],
  b: unknown[],
  key: string,
  path: string[],
  label: string,
  out: DiffEntry[],
): void {
  const id = (item: unknown) => (isRecord(item) ? String(item[key]) : '');
  const before = new Map(a.map((item) => [id(item), item]));
  const after = new Map(b.map((item) => [id(item), item]));
  for (const name of [...new Set([...before.keys(), ...after.keys()])]) {
    compare(before.get(name), after.get(name), [...path, name], `${label}[${name}]`, out);
  }
}

/** `pricing.atRisk: 12% -> 15%`, one line per entry. */
export function formatDiff(entries: readonly DiffEntry[]): string[] {
  return entries.map((entry) => {
    const key = entry.path.at(-1) ?? '';
    const show = (value: unknown) => formatValue(key, value);
    if (entry.kind === 'added') return `+ ${entry.label}: ${show(entry.new)}`;
    if (entry.kind === 'removed') return `- ${entry.label}: ${show(entry.old)}`;
    return `~ ${entry.label}: ${show(entry.old)} -> ${show(entry.new)}`;
  });
}

function formatValue(key: string, value: unknown): string {
  if (typeof value === 'number' && FRACTIONS.has(key)) return percent(value);
  if (typeof value === 'number' && SECONDS.has(key)) return seconds(value);
  if (Array.isArray(value))
    return `[${value.map((item) => formatValue(key === 'points' ? 'point' : key, item)).join(', ')}]`;
  if (isRecord(value)) {
    if (key === 'point' && typeof value.at === 'number' && typeof value.pay === 'number')
      return `(${value.at}, ${percent(value.pay)})`;
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(k, v)}`)
      .join(', ')} }`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function seconds(value: number): string {
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (value >= size && value % size === 0) return `${value / size}${unit}`;
  }
  return `${value}s`;
}
