import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../auth/AuthProvider';
import { allows, TASK_PAGE } from '../layout/navigation';

/**
 * A step's name, linked to its task page for those who may open it (TASK_PAGE: the inbox's roles and
 * the auditor, who reads it); plain text for the others.
 */
export function TaskLink({ id, children }: { id: string; children: ReactNode }) {
  const { role } = useUser();
  return allows(TASK_PAGE, role) ? <Link to={`/tasks/${id}`}>{children}</Link> : <>{children}</>;
}
