import { Conflict, DomainError, Forbidden, RuleViolation } from '../errors';
import type { Actor } from '../roles';
import type { TaskType } from '../task-types';
import { t } from '../text';
import { STEP_ACTIONS } from './allowed';

/** A task that completion opened, as it stands now. */
export interface OpenedSince {
  open: boolean;
  assignee: string | null;
  /** Comments (the API knows them), countersignatures asked or copies sent on it. */
  touched: boolean;
}

/** 撤回 of a task that is open: never done, or already taken back (also by a 撤回 a moment before). */
export const withdrawNotDone = () =>
  new Conflict('TASK_NOT_DONE', t('任务尚未办理，无需撤回', 'the task is not done'));

export const withdrawTooLate = () =>
  new Conflict(
    'WITHDRAW_TOO_LATE',
    t('后续环节已有人处理，不能撤回', 'the next step has been taken up; too late to withdraw'),
  );

export const withdrawOvertaken = () =>
  new Conflict(
    'WITHDRAW_OVERTAKEN',
    t(
      '办理结果已被后续流转采用（如另一方反馈已办结本阶段、下一季度已开始），不能撤回',
      'a later transition built on this completion (e.g. the other branch ended the stage, the next quarter began); too late to withdraw',
    ),
  );

/**
 * 撤回: only the person who completed the task, only on a step that allows it, and only while the
 * next step has not been acted on: every task the completion opened is still open, unclaimed,
 * uncommented, not countersigned and not copied (else WITHDRAW_TOO_LATE), and no later transition
 * changed what the completion changed, its part of the statechart or the records it wrote (else
 * WITHDRAW_OVERTAKEN). Transitions elsewhere since (the parallel branch's claim, a whistle, a
 * ledger entry, a quarter tick that only queues the quarter) do not stand in the way.
 */
export function withdrawRefusal(
  actor: Actor,
  completed: { type: TaskType; completedBy: string | null },
  opened: readonly OpenedSince[],
  overtaken: boolean,
): DomainError | null {
  const refusal = withdrawerRefusal(actor, completed);
  if (refusal) return refusal;
  if (opened.some((o) => !o.open || o.assignee !== null || o.touched)) return withdrawTooLate();
  if (overtaken) return withdrawOvertaken();
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
