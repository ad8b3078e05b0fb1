import { listsAllTasks } from '@hardtech/domain/task-permissions';
import { useCallback } from 'react';
import type { QueryOf } from '../../api/contract';
import { useGet } from '../../api/useApi';
import { useUser } from '../../auth/AuthProvider';

const ONE: QueryOf<'/tasks'> = { pageSize: 1, status: 'open' };

/**
 * Open tasks I can do, assigned to me, and overdue among those I can do: the totals of three small
 * queries. A role that lists all tasks (listsAllTasks) has no 我可办理 or 我的 to count, and no task
 * it can do to be overdue: it asks for none of them.
 */
export function useInboxCounts() {
  const path = listsAllTasks(useUser().role) ? null : '/tasks';
  const inbox = useGet(path, { query: { ...ONE, view: 'inbox' } });
  const mine = useGet(path, { query: { ...ONE, view: 'mine' } });
  const overdue = useGet(path, { query: { ...ONE, view: 'inbox', overdue: 'true' } });
  const reload = useCallback(() => {
    inbox.reload();
    mine.reload();
    overdue.reload();
  }, [inbox, mine, overdue]);
  return { inbox: inbox.data?.total, mine: mine.data?.total, overdue: overdue.data?.total, reload };
}
