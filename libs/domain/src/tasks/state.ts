import { RETURNED_OUTCOME } from '../approval-actions/return';
import { t, type Text } from '../text';

/** How the read model stores a task: a 退回 closes it `cancelled` with the outcome `returned`. */
export type TaskStatus = 'open' | 'done' | 'cancelled';

/** What a task's status says to a reader: a step sent back (退回) is 已退回, not 已取消. */
export type TaskState = 'open' | 'done' | 'returned' | 'cancelled';

export const TASK_STATE_LABELS: Record<TaskState, Text> = {
  open: t('待办', 'Open'),
  done: t('已办结', 'Done'),
  returned: t('已退回', 'Sent back'),
  cancelled: t('已取消', 'Cancelled'),
};

/** The one reading of a stored task's status: cancelled by a 退回 is returned. */
export function taskState(task: { status: TaskStatus; outcome: string | null }): TaskState {
  return task.status === 'cancelled' && task.outcome === RETURNED_OUTCOME ? 'returned' : task.status;
}

/**
 * Whether a closed task was handled by someone (done, or sent back by the officer who had it): who
 * did it is its 办理人, and it belongs with what they have done (已办).
 */
export function taskHandled(task: { status: TaskStatus; outcome: string | null }): boolean {
  const state = taskState(task);
  return state === 'done' || state === 'returned';
}
