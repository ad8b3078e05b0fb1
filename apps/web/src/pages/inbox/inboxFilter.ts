import { shanghaiDate } from '@hardtech/domain/calendar';
import type { Role } from '@hardtech/domain/roles';
import { listsAllTasks } from '@hardtech/domain/task-permissions';
import { compactFilter } from '../../api/compactFilter';
import type { QueryOf } from '../../api/contract';
import { prime } from '../../api/primed';
import type { TaskDepartment } from '@hardtech/domain/departments';
import type { TaskType } from '../../api/types';

/** The inbox's filter: what a saved view of the inbox holds (VIEW_FILTER_FIELDS.inbox of the domain). */
export interface InboxFilter {
  view?: 'inbox' | 'mine' | 'all' | 'cc';
  type?: TaskType;
  status?: 'open' | 'done' | 'cancelled';
  district?: string;
  cluster?: string;
  /** The party the task waits on, as the dashboard's overdue bars count them. */
  department?: TaskDepartment;
  overdue?: boolean;
  /** Relative, so that a saved view means the same next week: turned into dueBefore here. */
  dueWithinDays?: number;
  sort?: 'dueAt' | '-dueAt' | 'createdAt' | '-createdAt';
  pageSize?: number;
}

export const DEFAULT_FILTER: InboxFilter = { view: 'inbox', status: 'open', sort: 'dueAt', pageSize: 20 };

/** A role's inbox before any filter: what it can do, or all in its scope for one that does none. */
export function inboxDefaults(role: Role): InboxFilter {
  return { ...DEFAULT_FILTER, view: listsAllTasks(role) ? 'all' : 'inbox' };
}

/** The page of the list an address opens. */
export const pageFromAddress = (params: URLSearchParams) => Number(params.get('page') ?? 1);

/**
 * Sends the inbox's two requests (its page of tasks for the address, and the figures) as the route
 * is entered, beside the page's chunk: the page takes their answers (api/primed.ts). An enterprise's
 * inbox is its own steps (OwnStepsPage), with their own query.
 */
export function primeInbox(role: Role, params: URLSearchParams): void {
  if (role === 'enterprise_user') prime('/tasks', ownStepsQuery(params));
  else prime('/tasks', taskQuery(filterFromAddress(params, inboxDefaults(role)), pageFromAddress(params)));
  prime('/tasks/counts');
}

/** An enterprise's page of its own steps (OwnStepsPage): to do or done, 20 a page, due first while open. */
export const OWN_STEPS_PAGE_SIZE = 20;

export function ownStepsQuery(params: URLSearchParams): QueryOf<'/tasks'> {
  const status = ownStepsStatus(params);
  return {
    view: 'inbox',
    status,
    sort: status === 'open' ? 'dueAt' : '-createdAt',
    page: pageFromAddress(params),
    pageSize: OWN_STEPS_PAGE_SIZE,
  };
}

export const ownStepsStatus = (params: URLSearchParams): 'open' | 'done' =>
  params.get('status') === 'done' ? 'done' : 'open';

/** GET /api/tasks's query for a filter and a page. */
const DAY_MS = 86_400_000;

export function taskQuery(filter: InboxFilter, page: number): QueryOf<'/tasks'> {
  return {
    view: filter.view,
    type: filter.type,
    status: filter.status,
    district: filter.district,
    cluster: filter.cluster,
    department: filter.department,
    overdue: filter.overdue ? 'true' : undefined,
    dueBefore: filter.dueWithinDays
      ? shanghaiDate(new Date(Date.now() + (filter.dueWithinDays + 1) * DAY_MS))
      : undefined,
    sort: filter.sort,
    page,
    pageSize: filter.pageSize,
  };
}

/** Filters kept in the address, so a filtered inbox can be bookmarked and opened from the dashboard. */
const TEXT_KEYS = ['view', 'type', 'status', 'district', 'cluster', 'department', 'sort'] as const;
const NUMBER_KEYS = ['dueWithinDays', 'pageSize'] as const;

/**
 * The filter an address holds, the defaults where it holds none. Values are not checked here: the
 * API refuses one it does not know (400), and the page shows why.
 */
export function filterFromAddress(params: URLSearchParams, defaults: InboxFilter): InboxFilter {
  const filter: Record<string, unknown> = { ...defaults };
  for (const key of TEXT_KEYS) if (params.has(key)) filter[key] = params.get(key);
  for (const key of NUMBER_KEYS) if (params.has(key)) filter[key] = Number(params.get(key));
  if (params.get('overdue') === 'true') filter.overdue = true;
  return filter as InboxFilter;
}

/** The address of a filter and page: only what differs from the defaults. */
export function addressOf(filter: InboxFilter, defaults: InboxFilter, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(compactFilter(filter))) {
    if (value !== defaults[key as keyof InboxFilter]) params.set(key, String(value));
  }
  if (page > 1) params.set('page', String(page));
  return params;
}

/** How many conditions narrow the list beyond the defaults (the view, order and page size do not). */
export function narrowingCount(filter: InboxFilter, defaults: InboxFilter): number {
  const notNarrowing = new Set(['view', 'sort', 'pageSize']);
  return [...addressOf(filter, defaults).keys()].filter((key) => !notNarrowing.has(key)).length;
}
