import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useInboxAllowed } from '../pages/dashboard/useInboxAllowed';

/**
 * A step's name, linked to its task page for those who may open it: not for an auditor, who has no
 * inbox and whose /tasks/… reads 无权访问 (the auditor's walk, from an enterprise page's 待办任务).
 */
export function TaskLink({ id, children }: { id: string; children: ReactNode }) {
  return useInboxAllowed() ? <Link to={`/tasks/${id}`}>{children}</Link> : <>{children}</>;
}
