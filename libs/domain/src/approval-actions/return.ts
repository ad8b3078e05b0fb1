import { DomainError, InvalidInput, RuleViolation } from '../errors';
import type { Actor } from '../roles';
import { HeldTask, taskRefusal } from '../task-permissions';
import type { TaskType } from '../task-types';
import { t } from '../text';
import { STEP_ACTIONS } from './allowed';

/** Why a returned step was sent back, shown on the reopened task and in its case file. */
export interface Returned {
  reason: string;
  by: string;
  at: string;
  /** The task that was sent back (its type). */
  fromTaskId: string;
  fromType: TaskType;
}

export const RETURN_REASON_MAX = 2000;

/**
 * What a 退回 records on the step it sent back: the task closes cancelled with this outcome, the
 * reason as its data and the officer as who completed it (workflows/lifecycle returnTask).
 */
export const RETURNED_OUTCOME = 'returned';
export const RETURNED_LABEL = t('退回', 'Sent back');

/**
 * 退回: whoever may complete a task may send it back to the step before, where the table allows;
 * a reason is required (400), elsewhere 422 RETURN_NOT_ALLOWED.
 */
export function returnRefusal(
  actor: Actor,
  task: HeldTask & { type: TaskType },
  reason: unknown,
): DomainError | null {
  const refusal = taskRefusal(actor, task, 'complete');
  if (refusal) return refusal;
  if (typeof reason !== 'string' || !reason.trim() || reason.length > RETURN_REASON_MAX) {
    return new InvalidInput([{ field: 'reason', text: t('请填写退回理由', 'a reason is required') }]);
  }
  if (!STEP_ACTIONS[task.type].return) {
    return new RuleViolation('RETURN_NOT_ALLOWED', t('该环节不能退回', 'this step cannot be sent back'));
  }
  return null;
}
