import { type ComponentProps, lazy, Suspense } from 'react';
import type { EChart } from './EChart';

const Chart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

/**
 * EChart with ECharts (590 KB of script, 200 KB gzipped) fetched when a chart is first drawn: a page
 * with charts shows its figures and asks for its data without waiting for it, the box keeping its
 * height meanwhile. A leader's dashboard asked for its KPI only after ECharts had arrived and run
 * (1–2.5 s after sign-in in the loaded walk).
 */
export function LazyEChart(props: ComponentProps<typeof EChart>) {
  return (
    <Suspense fallback={<div style={{ width: '100%', height: 320, ...props.style }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
