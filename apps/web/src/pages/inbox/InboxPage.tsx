import { mayNameProxy } from '@hardtech/domain/approval-actions/proxy';
import { ledgerDepartmentOf } from '@hardtech/domain/departments';
import { listsAllTasks } from '@hardtech/domain/task-permissions';
import { Card, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';
import { ChoiceBar } from '../../components/ChoiceBar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FoldedFilters } from '../../components/FoldedFilters';
import { SavedViews, useViewsPlace } from '../../components/SavedViews';
import type { TaskItem } from '../tasks/taskTypes';
import { type BulkAnswer, type BulkSent, bulkPossible } from './bulk';
import { BulkResults } from './BulkResults';
import { DepartmentEmpty } from './DepartmentEmpty';
import { InboxFilters } from './InboxFilters';
import {
  addressOf,
  DEFAULT_FILTER,
  filterFromAddress,
  inboxDefaults,
  InboxFilter,
  narrowingCount,
  pageFromAddress,
  taskQuery,
} from './inboxFilter';
import { InboxTable } from './InboxTable';
import { OverdueBreakdown } from './OverdueBreakdown';
import { OwnStepsPage } from './OwnStepsPage';
import { InboxTitle } from './InboxTitle';
import { useInboxCounts, withCount } from './useInboxCounts';

/**
 * The bulk bar, fetched when rows are first selected: it brings the outcome forms (SchemaForm with
 * its date and number pickers, ~45 KB gzipped) that the list's first rows need not wait for.
 */
const BulkActions = lazy(() => import('./BulkActions').then((m) => ({ default: m.BulkActions })));

/** 待办任务: an enterprise's own steps, or an officer's desk. */
export function InboxPage() {
  return useUser().role === 'enterprise_user' ? <OwnStepsPage /> : <OfficerInbox />;
}

/** The tasks I can do, mine, copied to me or all in my scope, filtered, with single and bulk actions. */
function OfficerInbox() {
  const { t } = useTranslation('inbox');
  const user = useUser();
  const listsAll = listsAllTasks(user.role);
  const defaults = inboxDefaults(user.role);
  // The filter and page live in the address (the dashboard's overdue figures link here with theirs).
  // Their first request went out as the route was entered (primeInbox, routes.tsx).
  const [params, setParams] = useSearchParams();
  const filter = filterFromAddress(params, defaults);
  const page = pageFromAddress(params);
  const setFilter = (next: InboxFilter, nextPage = 1) => setParams(addressOf(next, defaults, nextPage));
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<{ answer: BulkAnswer; sent: BulkSent; tasks: TaskItem[] } | null>(null);
  const tasks = useGet('/tasks', { query: taskQuery(filter, page) });
  const counts = useInboxCounts();
  const items = tasks.data?.items ?? [];
  // 委托代理: whom I stand in for, whose tasks the bulk bar hands on for them (only case officers have a proxy).
  const standingInFor = useGet(mayNameProxy(user.role) ? '/me/proxy' : null).data?.standingInFor ?? [];

  const applyFilter = (next: InboxFilter) => {
    setFilter(next);
    setSelected([]);
  };
  const refresh = () => {
    tasks.reload();
    counts.reload();
  };
  const views = useViewsPlace(
    <SavedViews list="inbox" filter={filter} onApply={(f) => applyFilter({ ...DEFAULT_FILTER, ...f })} />,
  );
  const filters = <InboxFilters filter={filter} onChange={applyFilter} />;
  const narrowing = narrowingCount(filter, defaults);
  const ledgerDepartment = ledgerDepartmentOf(user.role, user.scope);

  return (
    <Card
      title={
        <InboxTitle
          // A watcher does none of the tasks listed: 任务督办 (leader; the system administrator's list).
          title={listsAll ? t('titleWatcher') : t('title')}
          overdue={counts.overdue}
        />
      }
      // On a phone seven filters would fill the first screen before any task: they wait behind one
      // button that says how many are set, the views with them (useViewsPlace).
      extra={views.head()}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {listsAll ? (
          // A watcher (a leader) does no task: all open work in scope, or only what is overdue (the
          // dashboard's 逾期任务, with its breakdown by department and district).
          <ChoiceBar
            data-testid="inbox-view"
            value={filter.overdue ? 'overdue' : 'all'}
            onChange={(view) =>
              applyFilter({ ...filter, view: 'all', overdue: view === 'overdue' || undefined })
            }
            options={[
              { value: 'all', label: withCount(t('view.all'), counts.all) },
              { value: 'overdue', label: withCount(t('view.overdue'), counts.overdue) },
            ]}
          />
        ) : (
          <ChoiceBar
            data-testid="inbox-view"
            value={filter.view ?? ''}
            onChange={(view) => applyFilter({ ...filter, view: view as InboxFilter['view'] })}
            options={[
              { value: 'inbox', label: withCount(t('view.inbox'), counts.inbox) },
              { value: 'mine', label: withCount(t('view.mine'), counts.mine) },
              { value: 'cc', label: t('view.cc') },
              { value: 'all', label: t('view.all') },
            ]}
          />
        )}
        <FoldedFilters
          count={narrowing}
          testId="inbox-filters-toggle"
          label={(n) => (n ? t('filter.toggleSet', { count: n }) : t('filter.toggle'))}
        >
          {views.filters}
          {filters}
        </FoldedFilters>
        {selected.length > 0 && !listsAll && (
          // A title, not a ribbon: on a phone the buttons wrap to the right edge, under a ribbon.
          <Card size="small" title={t('bulk.title')} data-testid="bulk-card">
            <Suspense
              fallback={<Typography.Text>{t('bulk.selected', { count: selected.length })}</Typography.Text>}
            >
              <BulkActions
                tasks={items.filter((task) => selected.includes(task.id))}
                standingInFor={standingInFor}
                onDone={(answer, sent) => {
                  setBulk({ answer, sent, tasks: items.filter((task) => selected.includes(task.id)) });
                  setSelected([]);
                  refresh();
                }}
              />
            </Suspense>
          </Card>
        )}
        {filter.view === 'all' && filter.overdue && (
          <OverdueBreakdown filter={filter} onChange={applyFilter} />
        )}
        <ErrorAlert error={tasks.error} />
        <InboxTable
          items={items}
          total={tasks.data?.total ?? 0}
          page={page}
          pageSize={filter.pageSize ?? 20}
          loading={tasks.loading}
          selected={selected}
          selectable={!listsAll && bulkPossible(user, items, standingInFor)}
          standingInFor={standingInFor}
          onSelect={setSelected}
          onPage={(p, pageSize) => setFilter({ ...filter, pageSize }, p)}
          onChanged={refresh}
          emptyText={ledgerDepartment && <DepartmentEmpty department={ledgerDepartment} />}
        />
      </Space>
      <BulkResults
        answer={bulk?.answer ?? null}
        sent={bulk?.sent ?? null}
        tasks={bulk?.tasks ?? []}
        onRetried={(answer) => {
          setBulk((now) => now && { ...now, answer });
          refresh();
        }}
        onClose={() => setBulk(null)}
      />
    </Card>
  );
}
