import type { EChartsOption, LineSeriesOption } from 'echarts';
import { axisSuffix, chartNumber, formatCount, formatValue, intervalText } from '../lib/format';
import { translate } from '../lib/i18n';
import type { MetricResult } from '../lib/types';
import { colorAt } from './palette';

export interface NamedSeries {
  name: string;
  results: MetricResult[];
}

export interface SeriesChartInput {
  series: NamedSeries[];
  unit: string;
  /** Drawn as a horizontal markLine. */
  target?: number | null;
  /** A vertical marker at one category (e.g. the month a bot went live). */
  marker?: { at: string; label: string } | null;
  /** The group key holding the x value: `bucket` for time series. */
  xKey?: string;
  /** How an x value is written on the axis and in the tooltip (e.g. a month bucket as 2026-07). */
  xLabel?: (x: string) => string;
}

interface TooltipItem {
  seriesName?: string;
  name?: string;
}

const isTooltipItem = (value: unknown): value is TooltipItem => typeof value === 'object' && value !== null;

/** A line chart of metric results: one line per series, the interval band for a single series, target and marker lines. */
export function seriesOption({
  series,
  unit,
  target,
  marker,
  xKey = 'bucket',
  xLabel = (x: string) => x,
}: SeriesChartInput): EChartsOption {
  const xs = [...new Set(series.flatMap((s) => s.results.map((r) => r.group[xKey] ?? '')))].sort();
  const lookup = new Map<string, MetricResult>();
  for (const s of series) for (const r of s.results) lookup.set(`${s.name}|${r.group[xKey] ?? ''}`, r);
  const at = (s: NamedSeries, x: string) => lookup.get(`${s.name}|${x}`);

  const lines: LineSeriesOption[] = series.map((s, index) => ({
    type: 'line',
    name: s.name,
    color: colorAt(index),
    showSymbol: xs.length <= 40,
    connectNulls: false,
    data: xs.map((x) => chartNumber(at(s, x)?.value ?? null, unit)),
    markLine:
      index === 0 && (target !== undefined && target !== null ? true : !!marker)
        ? {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#1a1a1a' },
            label: { color: '#1a1a1a' },
            data: [
              ...(target !== undefined && target !== null
                ? [
                    {
                      yAxis: chartNumber(target, unit) ?? 0,
                      name: 'target',
                      label: {
                        formatter: translate('drill.target', { target: formatValue(target, unit) }),
                        position: 'insideEndTop' as const,
                      },
                    },
                  ]
                : []),
              ...(marker
                ? [{ xAxis: marker.at, name: marker.label, label: { formatter: marker.label } }]
                : []),
            ],
          }
        : undefined,
  }));

  const only = series.length === 1 ? series[0] : undefined;
  const band: LineSeriesOption[] = only
    ? [
        {
          type: 'line',
          name: 'low',
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          tooltip: { show: false },
          data: xs.map((x) => chartNumber(at(only, x)?.low ?? null, unit)),
        },
        {
          type: 'line',
          name: translate('glossary.interval'),
          stack: 'band',
          symbol: 'none',
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(31, 78, 156, 0.15)' },
          tooltip: { show: false },
          data: xs.map((x) => {
            const r = at(only, x);
            const low = chartNumber(r?.low ?? null, unit);
            const high = chartNumber(r?.high ?? null, unit);
            return low === null || high === null ? null : high - low;
          }),
        },
      ]
    : [];

  return {
    grid: { left: 56, right: 16, top: 40, bottom: 40, containLabel: true },
    legend: { top: 0, type: 'scroll', data: series.map((s) => s.name) },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const items = (Array.isArray(params) ? params : [params]).filter(isTooltipItem);
        const x = items[0]?.name ?? '';
        const rows = series.flatMap((s) => {
          const r = at(s, x);
          if (!r) return [];
          const ci = intervalText(r);
          return [
            `${s.name}: <b>${formatValue(r.value, unit)}</b> (n = ${formatCount(r.n)}${ci ? `, ${translate('value.ci')} ${ci}` : ''})`,
          ];
        });
        return [xLabel(x), ...rows].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: xs, axisLabel: { color: '#1a1a1a', formatter: xLabel } },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#1a1a1a', formatter: (v: number) => `${v}${axisSuffix(unit)}` },
    },
    series: [...band, ...lines],
  };
}
