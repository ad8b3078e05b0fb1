import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { CSSProperties, useEffect, useRef } from 'react';

// Only the charts and components the pages draw: the whole of ECharts is a megabyte of script.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
]);

/**
 * One ECharts instance on a div, redrawn when the option changes and resized with its box. SVG
 * rendering: crisp in screenshots and printouts, and it works where canvas does not (jsdom).
 */
export function EChart({
  option,
  style,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  style?: CSSProperties;
  testId?: string;
  /** A click on a bar, point or slice: ECharts' event (dataIndex, seriesIndex, name…). */
  onClick?: (event: { dataIndex: number; seriesIndex?: number }) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    chart.current = echarts.init(el, undefined, { renderer: 'svg' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    c.on('click', onClick as (event: unknown) => void);
    return () => {
      c.off('click', onClick as (event: unknown) => void);
    };
  }, [onClick]);

  return (
    <div
      ref={box}
      data-testid={testId}
      style={{ width: '100%', height: 320, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
