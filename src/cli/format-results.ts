import { type Cell, toCsv } from '../core/export/csv.js';
import type { MetricResult } from '../core/metric/types.js';
import { table } from './table.js';

/** The fields of a result in the spec's order: the CSV columns; the table shows the main ones. */
const FIELDS = [
  'metric',
  'group',
  'period',
  'value',
  'n',
  'low',
  'high',
  'unit',
  'direction',
  'matured',
  'maturesOn',
  'insufficient',
  'baseline',
  'difference',
  'differenceLow',
  'differenceHigh',
  'p',
] as const satisfies readonly (keyof MetricResult)[];
const COLUMNS = [
  'metric',
  'group',
  'period',
  'value',
  'n',
  'low',
  'high',
  'matured',
  'baseline',
  'difference',
  'p',
];

/** Query results as an aligned table, the JSON array of the spec, or CSV. */
export function formatResults(results: MetricResult[], format: string): string {
  if (format === 'json') return `${JSON.stringify(results, null, 2)}\n`;
  if (format === 'csv') {
    const cell = (v: unknown): Cell =>
      v === null || v === undefined
        ? ''
        : typeof v === 'object'
          ? groupText(v as Record<string, string>)
          : (v as Cell);
    return toCsv(
      FIELDS,
      results.map((r) => FIELDS.map((h) => cell(r[h]))),
    );
  }
  if (format !== 'table') throw new Error(`--format ${format}: expected table, json or csv`);
  const rows = results.map((r) => [
    r.metric,
    groupText(r.group),
    r.period,
    r.insufficient ? 'insufficient' : show(r, r.value),
    String(r.n),
    show(r, r.low),
    show(r, r.high),
    r.matured ? 'yes' : `on ${r.maturesOn}`,
    show(r, r.baseline),
    show(r, r.difference),
    r.p === null ? '' : r.p < 0.0001 ? '<0.0001' : r.p.toFixed(4),
  ]);
  return `${table(COLUMNS, rows)}\n`;
}

const groupText = (group: Record<string, string>) =>
  Object.entries(group)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

function show(r: MetricResult, value: number | null): string {
  if (value === null) return '';
  switch (r.unit) {
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'seconds':
      return `${value.toFixed(1)}s`;
    case 'count':
      return String(Math.round(value));
    case 'money':
      return value.toFixed(2);
    default:
      return value.toFixed(3);
  }
}
