import { useGet } from '../../api/useApi';

/**
 * The inbox's figures, in one request (GET /api/tasks/counts; it was three small list queries):
 * open tasks I can do, assigned to me, and overdue among those I can do. A role that lists all tasks
 * (listsAllTasks: a leader watches, does none) has no 我可办理 or 我的 to count: it counts the open
 * tasks of its scope and those overdue among them, as the dashboard's 逾期任务 counts them (the same
 * `overdue=true`), so its inbox reads like a watcher's view. Undefined while unknown or not counted.
 */
export function useInboxCounts() {
  const counts = useGet('/tasks/counts');
  const figure = (n: number | null | undefined) => n ?? undefined;
  return {
    inbox: figure(counts.data?.inbox),
    mine: figure(counts.data?.mine),
    all: figure(counts.data?.all),
    overdue: figure(counts.data?.overdue),
    reload: counts.reload,
  };
}

/** A view's or a status's name with its figure, 待办 (3); the name alone while the figure is unknown. */
export function withCount(label: string, n: number | undefined): string {
  return n === undefined ? label : `${label} (${n})`;
}
