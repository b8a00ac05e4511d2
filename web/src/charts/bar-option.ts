import type { EChartsOption } from 'echarts';
import { axisSuffix, chartNumber, formatCount, formatValue, intervalText } from '../lib/format';
import { translate } from '../lib/i18n';
import type { MetricResult } from '../lib/types';

/** Horizontal bars of one metric by a breakdown, with the target as a markLine. */
export function barOption(
  rows: { label: string; result: MetricResult }[],
  unit: string,
  target?: number | null,
): EChartsOption {
  return {
    // Room above for the target's label and at the right for the value labels ("100.0%").
    grid: { left: 8, right: 56, top: 32, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const index =
          typeof params === 'object' && params !== null && 'dataIndex' in params
            ? Number(params.dataIndex)
            : -1;
        const row = rows[index];
        if (!row) return '';
        const ci = intervalText(row.result);
        return `${row.label}: <b>${formatValue(row.result.value, unit)}</b> (n = ${formatCount(row.result.n)}${ci ? `, ${translate('value.ci')} ${ci}` : ''})`;
      },
    },
    xAxis: {
      type: 'value',
      scale: unit !== 'share' && unit !== 'count',
      axisLabel: { formatter: (v: number) => `${v}${axisSuffix(unit)}` },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => chartNumber(r.result.value, unit)),
        label: {
          show: true,
          position: 'right',
          color: '#1a1a1a',
          formatter: (p: { dataIndex: number }) => formatValue(rows[p.dataIndex]?.result.value ?? null, unit),
        },
        markLine:
          target === undefined || target === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#1a1a1a' },
                label: {
                  formatter: translate('drill.target', { target: formatValue(target, unit) }),
                  color: '#1a1a1a',
                  // The category axis is inverted, so the line's start is its top, clear of the x-axis labels.
                  position: 'start',
                },
                data: [{ xAxis: chartNumber(target, unit) ?? 0 }],
              },
      },
    ],
  };
}
