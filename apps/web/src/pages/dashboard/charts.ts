// ECharts options for the dashboard, one builder per chart: pure, so the tests can read what a chart
// would draw without a canvas.
import type { EChartsCoreOption } from 'echarts';
import type { TFunction } from 'i18next';
import type { Text } from '../../api/types';
import type { Count, Kpi } from './kpi';
import { wrapWords } from '../enterprises/chartOptions';
import { ascending, COHORT_SERIES } from './links';

type Local = (text: Text | null | undefined) => string;

const GRID = { left: 48, right: 24, top: 40, bottom: 40, containLabel: true };
const TOOLTIP_AXIS = { trigger: 'axis', axisPointer: { type: 'shadow' } };

/**
 * A line at the city's capacity or annual target, over the city's own figures only: no district or
 * cluster has a quota, so none is drawn over a narrower scope's (kpi.city set).
 */
const cityLine = (kpi: Kpi, yAxis: number, name: string, formatter: string) =>
  kpi.city ? {} : { markLine: { symbol: 'none', data: [{ yAxis, name }], label: { formatter } } };

/** Members at each month's end, with the pool's capacity as a line to stay under (适度保持). */
export function poolOverTimeOption(kpi: Kpi, t: TFunction): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: GRID,
    xAxis: { type: 'category', data: kpi.poolOverTime.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('charts.members'),
        type: 'line',
        smooth: true,
        areaStyle: { opacity: 0.15 },
        data: kpi.poolOverTime.map((m) => m.members),
        ...cityLine(
          kpi,
          kpi.poolCapacity,
          t('charts.capacity'),
          t('charts.capacityLine', { n: kpi.poolCapacity }),
        ),
      },
    ],
  };
}

/** 每年重点帮扶企业不少于50家: admissions per year, the target as a line to reach. */
export function admittedByYearOption(kpi: Kpi, t: TFunction): EChartsCoreOption {
  const years = kpi.admittedByYear;
  return {
    tooltip: TOOLTIP_AXIS,
    grid: GRID,
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('charts.admitted'),
        type: 'bar',
        data: years.map((y) => y.admitted),
        label: { show: true, position: 'top' },
        ...cityLine(
          kpi,
          kpi.annualTarget,
          t('charts.target'),
          t('charts.targetLine', { n: kpi.annualTarget }),
        ),
      },
    ],
  };
}

/** 三年倍增 per admission cohort: members, those reporting, on the path to ×2, already doubled. */
export function cohortsOption(kpi: Kpi, t: TFunction): EChartsCoreOption {
  const cohorts = kpi.revenueDoubling.cohorts;
  const series = COHORT_SERIES.map((key) => ({
    name: t(`charts.doubling.${key}`),
    type: 'bar',
    data: cohorts.map((c) => c[key]),
  }));
  return {
    tooltip: TOOLTIP_AXIS,
    legend: { top: 0 },
    grid: GRID,
    xAxis: { type: 'category', data: cohorts.map((c) => t('charts.cohort', { year: c.cohort })) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/**
 * A share of a whole (ledger by category or status). The legend wraps onto a second or third row
 * under the ring: a scrolling one showed "Enterprise-specific, Market-common, P…" and a 1/2 pager in
 * a third of a 1440 px screen, where every name fits on two rows (ui-walk-8).
 */
export function pieOption(counts: Count[], local: Local): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, left: 'center' },
    series: [
      {
        type: 'pie',
        radius: ['32%', '60%'],
        center: ['50%', '42%'],
        // Counts inside the ring: outside labels get cut off in a third of a laptop screen.
        label: { position: 'inside', formatter: '{c}' },
        data: counts.map((c) => ({ name: local(c.label), value: c.n })),
      },
    ],
  };
}

/** Horizontal bars, longest first: reads well with long Chinese department and district names. */
export function barsOption(counts: Count[], local: Local, name: string): EChartsCoreOption {
  const sorted = ascending(counts);
  return {
    tooltip: TOOLTIP_AXIS,
    grid: { ...GRID, left: 8 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((c) => local(c.label)),
      axisLabel: { formatter: stageOverReason },
    },
    series: [{ name, type: 'bar', data: sorted.map((c) => c.n), label: { show: true, position: 'right' } }],
  };
}

/**
 * Ledger problems per owner department, the overdue ones stacked apart from the rest. Every name is
 * drawn (interval 0) under its third of a third of the screen: an English name breaks between its
 * words, or Industrial finance division ran over Industry division beside it (ui-walk-8, 1440 px).
 */
export function ownersOption(kpi: Kpi, local: Local, t: TFunction): EChartsCoreOption {
  const owners = kpi.problems.byOwner;
  return {
    tooltip: TOOLTIP_AXIS,
    legend: { top: 0 },
    grid: GRID,
    xAxis: {
      type: 'category',
      data: owners.map((o) => wrapWords(local(o.label))),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('charts.onTime'), type: 'bar', stack: 'n', data: owners.map((o) => o.n - o.overdue) },
      {
        name: t('charts.overdue'),
        type: 'bar',
        stack: 'n',
        itemStyle: { color: '#cf1322' },
        data: owners.map((o) => o.overdue),
      },
    ],
  };
}

/**
 * An ending's stage over its reason, on two lines beside its bar ("Graduated" over "Revenue
 * doubled"): drawn as one line, "Graduated · Revenue doubled" lost its G at the card's left edge,
 * ECharts measuring the dot narrower than the browser draws it (ui-walk-8, 1440 px, English). The
 * tooltip keeps the one-line name.
 */
export const stageOverReason = (label: string): string => label.split(' · ').join('\n');

/** Graduations and exits, one bar per stage and reason (毕业 · 已倍增, 退出 · 迁出 …). */
export function endingsOption(kpi: Kpi, local: Local, t: TFunction): EChartsCoreOption {
  const counts: Count[] = kpi.endings.byReason.map((e) => ({
    key: `${e.stage}:${e.reason ?? ''}`,
    label: {
      zh: [e.stageLabel.zh, e.reasonLabel?.zh].filter(Boolean).join(' · '),
      en: [e.stageLabel.en, e.reasonLabel?.en].filter(Boolean).join(' · '),
    },
    n: e.n,
  }));
  return barsOption(counts, local, t('charts.enterprises'));
}
