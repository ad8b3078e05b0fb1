import dayjs from 'dayjs';
import type { QueryOf } from '../../api/contract';
import type { TaskType } from '../../api/types';

/** The inbox's filter: what a saved view holds (VIEW_FILTER_FIELDS of the domain). */
export interface InboxFilter {
  view?: 'inbox' | 'mine' | 'all' | 'cc';
  type?: TaskType;
  status?: 'open' | 'done' | 'cancelled';
  district?: string;
  cluster?: string;
  overdue?: boolean;
  /** Relative, so that a saved view means the same next week: turned into dueBefore here. */
  dueWithinDays?: number;
  sort?: 'dueAt' | '-dueAt' | 'createdAt' | '-createdAt';
  pageSize?: number;
}

export const DEFAULT_FILTER: InboxFilter = { view: 'inbox', status: 'open', sort: 'dueAt', pageSize: 20 };

/** GET /api/tasks's query for a filter and a page. */
export function taskQuery(filter: InboxFilter, page: number): QueryOf<'/tasks'> {
  return {
    view: filter.view,
    type: filter.type,
    status: filter.status,
    district: filter.district,
    cluster: filter.cluster,
    overdue: filter.overdue ? 'true' : undefined,
    dueBefore: filter.dueWithinDays
      ? dayjs().add(filter.dueWithinDays, 'day').add(1, 'day').format('YYYY-MM-DD')
      : undefined,
    sort: filter.sort,
    page,
    pageSize: filter.pageSize,
  };
}

/** A filter without its empty entries: what a saved view stores. */
export function compactFilter(filter: InboxFilter): InboxFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false),
  ) as InboxFilter;
}
