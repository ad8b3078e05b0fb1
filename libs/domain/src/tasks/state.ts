import { RETURNED_OUTCOME } from '../approval-actions/return';
import { CLOSE_WITHDRAWN_LABEL, CLOSE_WITHDRAWN_OUTCOME } from '../ledger';
import { t, type Text } from '../text';

/** How the read model stores a task: a 退回 closes it `cancelled` with the outcome `returned`. */
export type TaskStatus = 'open' | 'done' | 'cancelled';

/**
 * What a task's status says to a reader: a step sent back (退回) is 已退回, and a 销号 request
 * withdrawn because the department answered 未解决 is 已撤回（部门答复未解决）, not 已取消.
 */
export type TaskState = 'open' | 'done' | 'returned' | 'close_withdrawn' | 'cancelled';

export const TASK_STATE_LABELS: Record<TaskState, Text> = {
  open: t('待办', 'Open'),
  done: t('已办结', 'Done'),
  returned: t('已退回', 'Sent back'),
  close_withdrawn: CLOSE_WITHDRAWN_LABEL,
  cancelled: t('已取消', 'Cancelled'),
};

/**
 * The one reading of a stored task's status, for the task page and every list alike: cancelled by a
 * 退回 is returned, cancelled as close_withdrawn (only a PROBLEM_CLOSE closes so) says why.
 */
export function taskState(task: { status: TaskStatus; outcome: string | null }): TaskState {
  if (task.status !== 'cancelled') return task.status;
  if (task.outcome === RETURNED_OUTCOME) return 'returned';
  if (task.outcome === CLOSE_WITHDRAWN_OUTCOME) return 'close_withdrawn';
  return 'cancelled';
}

/**
 * Whether a closed task was handled by someone (done, or sent back by the officer who had it): who
 * did it is its 办理人, and it belongs with what they have done (已办).
 */
export function taskHandled(task: { status: TaskStatus; outcome: string | null }): boolean {
  const state = taskState(task);
  return state === 'done' || state === 'returned';
}
