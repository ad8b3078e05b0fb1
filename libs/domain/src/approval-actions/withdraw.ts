import { Conflict, DomainError, Forbidden, RuleViolation } from '../errors';
import type { Actor } from '../roles';
import type { TaskType } from '../task-types';
import { t } from '../text';
import { STEP_ACTIONS } from './allowed';

/** A completion as the lifecycle remembers it, to take it back. */
export interface WithdrawableCompletion {
  taskId: string;
  taskType: TaskType;
  completedBy: string;
}

/** A task that completion opened, as it stands now. */
export interface OpenedSince {
  open: boolean;
  assignee: string | null;
  /** Comments (the API knows them) or countersignatures asked on it. */
  touched: boolean;
}

export const withdrawTooLate = () =>
  new Conflict(
    'WITHDRAW_TOO_LATE',
    t('后续环节已有人处理，不能撤回', 'the next step has been taken up; too late to withdraw'),
  );

/**
 * 撤回: only the person who completed the task, only on a step that allows it, and only while
 * everything the completion opened is untouched (open, unclaimed, uncommented, not countersigned)
 * and nothing else has happened in the lifecycle since (`latest` is the lifecycle's last completion).
 */
export function withdrawRefusal(
  actor: Actor,
  taskId: string,
  completed: { type: TaskType; completedBy: string | null },
  latest: WithdrawableCompletion | null,
  opened: readonly OpenedSince[],
): DomainError | null {
  const refusal = withdrawerRefusal(actor, completed);
  if (refusal) return refusal;
  if (!latest || latest.taskId !== taskId) return withdrawTooLate();
  if (opened.some((o) => !o.open || o.assignee !== null || o.touched)) return withdrawTooLate();
  return null;
}

/** The part the inbox alone can decide: the caller completed the task, on a step that may be withdrawn. */
export function withdrawerRefusal(
  actor: Actor,
  completed: { type: TaskType; completedBy: string | null },
): DomainError | null {
  if (completed.completedBy !== actor.username) {
    return new Forbidden(
      'NOT_THE_COMPLETER',
      t('只有办理人本人可以撤回', 'only the person who completed the task may withdraw it'),
    );
  }
  if (!STEP_ACTIONS[completed.type].withdraw) {
    return new RuleViolation('WITHDRAW_NOT_ALLOWED', t('该环节不能撤回', 'this step cannot be withdrawn'));
  }
  return null;
}
