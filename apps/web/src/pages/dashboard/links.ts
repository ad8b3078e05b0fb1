// Every member number of the dashboard opens the enterprises behind it: the enterprise list with
// the filters of GET /api/enterprises in the address (inPoolOn, admittedIn, doubling, stage), which
// the list reads; the API counts with the same filters (docs/api.md), so list total = number. Every
// ledger number opens the problems behind it: /problems with category, status, owner or overdue.
import type { Kpi } from './kpi';

export type ListFilter = Partial<Record<'inPoolOn' | 'admittedIn' | 'doubling' | 'stage', string | number>>;

/** A list page's address with the filters that are set. */
function listLink(path: string, filter: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
  return `${path}?${query}`;
}

export function enterpriseList(filter: ListFilter): string {
  return listLink('/enterprises', filter);
}

/** The problem ledger with filters the ledger page reads from its address. */
export function ledgerList(
  filter: Partial<Record<'category' | 'status' | 'owner' | 'overdue', string>>,
): string {
  return listLink('/problems', filter);
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
    // The ledger's figures open the ledger (化解问题台账) with the same filter in the address.
    case 'byCategory': {
      const category = kpi.problems.byCategory[click.dataIndex];
      return category ? ledgerList({ category: category.key }) : null;
    }
    case 'byStatus': {
      const status = kpi.problems.byStatus[click.dataIndex];
      return status ? ledgerList({ status: status.key }) : null;
    }
    case 'byOwner': {
      const owner = kpi.problems.byOwner[click.dataIndex];
      // The stacked bars: on time (series 0) or overdue (series 1) of one owner department.
      return owner
        ? ledgerList({ owner: owner.key, overdue: click.seriesIndex === 1 ? 'true' : undefined })
        : null;
    }
    default:
      return null;
  }
}
