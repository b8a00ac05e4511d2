import type { EChartsOption } from 'echarts';
import type { ECharts } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { ChartTable } from './chart-table';

interface Props {
  option: EChartsOption;
  /** What the chart shows, for screen readers (the numbers are also in a table beside it). */
  label: string;
  height?: number;
  testId?: string;
  /** The table behind the chart under it, one click away (off for sparklines whose label lists every value). */
  dataTable?: boolean;
}

/** ECharts is loaded on the first chart, so pages without charts (login, overview) stay light on a phone. */
const loadCharts = () => import('../charts/echarts-setup');

/** A tiny ECharts wrapper: one instance per element, resized with its box, disposed on unmount. */
export function EChart({ option, label, height = 300, testId, dataTable = true }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<{ instance: ECharts; palette: string[]; font: string } | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const node = element.current;
    if (!node) return;
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void loadCharts().then(({ echarts, PALETTE, FONT }) => {
      if (disposed) return;
      const instance = echarts.init(node, undefined, { renderer: 'svg' });
      chart.current = { instance, palette: PALETTE, font: FONT };
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(node);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.instance.setOption(
      {
        color: chart.current.palette,
        textStyle: { fontFamily: chart.current.font, color: '#1a1a1a' },
        animation: false,
        ...option,
      },
      { notMerge: true },
    );
  }, [option, ready]);

  return (
    <>
      <div
        ref={element}
        className="chart"
        role="img"
        aria-label={label}
        style={{ height }}
        data-testid={testId}
        data-ready={ready}
      />
      {dataTable && <ChartTable option={option} label={label} />}
    </>
  );
}
