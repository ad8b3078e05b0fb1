// Every number of the dashboard opens the enterprises behind it: the enterprise list with the
// filters of GET /api/enterprises in the address (inPoolOn, admittedIn, doubling, stage), which
// the list reads. The API counts with the same filters (docs/api.md), so list total = number.
import type { Kpi } from './kpi';

export type ListFilter = Partial<Record<'inPoolOn' | 'admittedIn' | 'doubling' | 'stage', string | number>>;

export function enterpriseList(filter: ListFilter): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
  return `/enterprises?${query}`;
}

/** The members counted on `asOf`, optionally of one cohort or 三年倍增 standing. */
export const poolOn = (asOf: string, more: ListFilter = {}) => enterpriseList({ inPoolOn: asOf, ...more });

/** The day a month's point counts: its last day, or `asOf` in asOf's month (the API's rule). */
export function monthDay(month: string, asOf: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < asOf ? last : asOf;
}

/** The cohort chart's series, in order, as the list's `doubling` filter (members: none). */
export const COHORT_SERIES = ['members', 'reporting', 'onTrack', 'doubled'] as const;
const STANDING: Record<(typeof COHORT_SERIES)[number], string | undefined> = {
  members: undefined,
  reporting: 'reporting',
  onTrack: 'on_track',
  doubled: 'doubled',
};

/** What ECharts tells a click handler: which bar or point of which series. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex?: number;
}

/** Where a click on a member chart leads; null for charts whose numbers are not enterprises. */
export function chartLink(chart: string, kpi: Kpi, click: ChartClick): string | null {
  switch (chart) {
    case 'poolOverTime': {
      const point = kpi.poolOverTime[click.dataIndex];
      return point ? poolOn(monthDay(point.month, kpi.asOf)) : null;
    }
    case 'cohorts': {
      const cohort = kpi.revenueDoubling.cohorts[click.dataIndex];
      const series = COHORT_SERIES[click.seriesIndex ?? 0];
      return cohort && series
        ? poolOn(kpi.asOf, { admittedIn: cohort.cohort, doubling: STANDING[series] })
        : null;
    }
    case 'admittedByYear': {
      const year = kpi.admittedByYear[click.dataIndex];
      return year ? enterpriseList({ admittedIn: year.year }) : null;
    }
    default:
      return null;
  }
}
