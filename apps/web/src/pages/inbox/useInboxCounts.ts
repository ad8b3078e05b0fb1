import { useCallback } from 'react';
import type { Page } from '../../api/types';
import { useApi } from '../../api/useApi';

const ONE = { pageSize: 1, status: 'open' };

/** Open tasks I can do, assigned to me, and overdue among those I can do: the totals of three small queries. */
export function useInboxCounts() {
  const inbox = useApi<Page<unknown>>('/tasks', { ...ONE, view: 'inbox' });
  const mine = useApi<Page<unknown>>('/tasks', { ...ONE, view: 'mine' });
  const overdue = useApi<Page<unknown>>('/tasks', { ...ONE, view: 'inbox', overdue: 'true' });
  const reload = useCallback(() => {
    inbox.reload();
    mine.reload();
    overdue.reload();
  }, [inbox, mine, overdue]);
  return { inbox: inbox.data?.total, mine: mine.data?.total, overdue: overdue.data?.total, reload };
}
