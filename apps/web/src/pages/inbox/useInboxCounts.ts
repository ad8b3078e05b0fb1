import { listsAllTasks } from '@hardtech/domain/task-permissions';
import { useCallback } from 'react';
import type { QueryOf } from '../../api/contract';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';

const ONE: QueryOf<'/tasks'> = { pageSize: 1, status: 'open' };

/**
 * Open tasks I can do, assigned to me, and overdue among those I can do: the totals of three small
 * queries. A role that lists all tasks (listsAllTasks: a leader watches, does none) has no 我可办理
 * or 我的 to count: it counts the open tasks of its scope and those overdue among them, as the
 * dashboard's 逾期任务 counts them (the same `overdue=true`), so its inbox reads like a watcher's view.
 */
export function useInboxCounts() {
  const watcher = listsAllTasks(useUser().role);
  const desk = watcher ? null : '/tasks';
  const inbox = useGet(desk, { query: { ...ONE, view: 'inbox' } });
  const mine = useGet(desk, { query: { ...ONE, view: 'mine' } });
  const all = useGet(watcher ? '/tasks' : null, { query: { ...ONE, view: 'all' } });
  const overdue = useGet('/tasks', { query: { ...ONE, view: watcher ? 'all' : 'inbox', overdue: 'true' } });
  const reload = useCallback(() => {
    inbox.reload();
    mine.reload();
    all.reload();
    overdue.reload();
  }, [inbox, mine, all, overdue]);
  return {
    inbox: inbox.data?.total,
    mine: mine.data?.total,
    all: all.data?.total,
    overdue: overdue.data?.total,
    reload,
  };
}
