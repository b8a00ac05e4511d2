import type { EChartsOption } from 'echarts';
import { useT } from '../lib/i18n';
import { TableDownloads } from './table-downloads';

/**
 * The table behind a chart, one click away (a <details> under it): the category axis as
 * rows, each plotted series as a column. Helper series (a stacked interval band, marks)
 * are left out; the interval is in the page's own tables.
 */

type Axis = { type?: string; data?: unknown[] };
type Series = { name?: string; data?: unknown[]; stack?: string; tooltip?: { show?: boolean } };

const list = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : value ? [value as T] : []);

function cellText(value: unknown): string {
  if (value === null || value === undefined || value === '-') return '–';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 10_000) / 10_000) : '–';
  if (Array.isArray(value)) return cellText(value.at(-1));
  if (typeof value === 'object' && 'value' in value) return cellText((value as { value: unknown }).value);
  return String(value);
}

export function chartRows(
  option: EChartsOption,
  seriesName: (i: number) => string = (i) => `series ${i}`,
): { head: string[]; rows: string[][] } | null {
  const axes = [...list<Axis>(option.xAxis), ...list<Axis>(option.yAxis)];
  const category = axes.find((axis) => axis.type === 'category' && Array.isArray(axis.data));
  const series = list<Series>(option.series).filter(
    (s) => Array.isArray(s.data) && s.stack === undefined && s.tooltip?.show !== false,
  );
  if (!category?.data || series.length === 0) return null;
  return {
    head: ['', ...series.map((s, i) => s.name ?? seriesName(i + 1))],
    rows: category.data.map((c, i) => [cellText(c), ...series.map((s) => cellText(s.data?.[i]))]),
  };
}

export function ChartTable({ option, label }: { option: EChartsOption; label: string }) {
  const t = useT();
  const table = chartRows(option, (number) => t('chart.series', { number }));
  if (!table) return null;
  return (
    <details className="chart-table">
      <summary>{t('chart.showTable')}</summary>
      <table className="compact">
        <caption>{label}</caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={`${h}-${i}`} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row[0]}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, i) => (
                <td key={`${row[0]}-${i}`}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <TableDownloads />
    </details>
  );
}
