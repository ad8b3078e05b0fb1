import { useCallback } from 'react';
import type { QueryOf } from '../../api/contract';
import { useGet } from '../../api/useApi';

const ONE: QueryOf<'/tasks'> = { pageSize: 1, status: 'open' };

/** Open tasks I can do, assigned to me, and overdue among those I can do: the totals of three small queries. */
export function useInboxCounts() {
  const inbox = useGet('/tasks', { query: { ...ONE, view: 'inbox' } });
  const mine = useGet('/tasks', { query: { ...ONE, view: 'mine' } });
  const overdue = useGet('/tasks', { query: { ...ONE, view: 'inbox', overdue: 'true' } });
  const reload = useCallback(() => {
    inbox.reload();
    mine.reload();
    overdue.reload();
  }, [inbox, mine, overdue]);
  return { inbox: inbox.data?.total, mine: mine.data?.total, overdue: overdue.data?.total, reload };
}
