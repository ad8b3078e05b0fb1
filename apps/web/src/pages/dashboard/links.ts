// Every member number of the dashboard opens the enterprises behind it: the enterprise list with
// the filters of GET /api/enterprises in the address (inPoolOn, admittedIn, doubling, stage with
// stageOn, leftIn/leftAs/leftFor), which the list reads; the API counts with the same filters
// (docs/api.md), so list total = number. Every ledger number opens the problems behind it: /problems
// with category, status, owner or overdue. Every overdue-task number opens the inbox (/inbox), all
// tasks in scope that are overdue, of one department or district. A dashboard narrowed to one
// cluster opens each list narrowed the same (withCluster): every list takes `cluster`.
import type { Ending, Kpi } from './kpi';

export type ListFilter = Partial<
  Record<
    'inPoolOn' | 'admittedIn' | 'doubling' | 'stage' | 'stageOn' | 'leftIn' | 'leftAs' | 'leftFor',
    string | number
  >
>;

/** A list page's address with the filters that are set. */
function listLink(path: string, filter: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) query.set(key, String(value));
  return `${path}?${query}`;
}

/** The link, narrowed to the cluster the figures are of (the KPI's `cluster`), if any. */
export function withCluster(link: string, kpi: Pick<Kpi, 'cluster'>): string {
  if (!kpi.cluster) return link;
  const [path, query = ''] = link.split('?');
  const params = new URLSearchParams(query);
  params.set('cluster', kpi.cluster);
  return `${path}?${params}`;
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

/**
 * The overdue open tasks in the caller's scope (view all: what GET /api/tasks/overdue/summary
 * counts, not only those the caller may do), of one department or district.
 */
export function overdueTasksList(filter: Partial<Record<'department' | 'district', string>> = {}): string {
  return listLink('/inbox', { view: 'all', overdue: 'true', ...filter });
}

/** The enterprises that left the pool in `year` as one endings bar counts them. */
export function leaversList(year: number, ending: Pick<Ending, 'stage' | 'reason'>): string {
  return enterpriseList({ leftIn: year, leftAs: ending.stage, leftFor: ending.reason ?? 'none' });
}

/** The enterprises at a stage when `asOf` ended (the API: today, the stage now). */
export const stageList = (stage: string, asOf: string) => enterpriseList({ stage, stageOn: asOf });

/** Bars drawn shortest first (charts.ts barsOption): a click's dataIndex counts in this order. */
export function ascending<T extends { n: number }>(counts: readonly T[]): T[] {
  return [...counts].sort((a, b) => a.n - b.n);
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

/** Charts whose bars and points open a list; the overdue-task ones only for who has an inbox. */
export const LINKED_CHARTS = [
  'poolOverTime',
  'cohorts',
  'admittedByYear',
  'endings',
  'byCategory',
  'byStatus',
  'byOwner',
];
export const TASK_CHARTS = ['overdueByDepartment', 'overdueByDistrict'];

/** Where a click on a chart leads; null where nothing was hit. */
export function chartLink(chart: string, kpi: Kpi, click: ChartClick): string | null {
  const link = unnarrowedChartLink(chart, kpi, click);
  return link && withCluster(link, kpi);
}

function unnarrowedChartLink(chart: string, kpi: Kpi, click: ChartClick): string | null {
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
    // Horizontal bars, shortest first.
    case 'overdueByDepartment': {
      const department = ascending(kpi.overdueTasks.byDepartment)[click.dataIndex];
      return department && department.key !== 'unknown'
        ? overdueTasksList({ department: department.key })
        : null;
    }
    case 'overdueByDistrict': {
      const district = ascending(kpi.overdueTasks.byDistrict)[click.dataIndex];
      return district ? overdueTasksList({ district: district.key }) : null;
    }
    case 'endings': {
      const ending = ascending(kpi.endings.byReason)[click.dataIndex];
      return ending ? leaversList(kpi.year, ending) : null;
    }
    default:
      return null;
  }
}
