import {
  Actor,
  availableApprovalActions,
  countersignPending,
  ENTERPRISE_TASK_TYPES,
  readerOf,
  Returned,
  Role,
} from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';

/** 退回 and 加签 marks of a task in any list (issue 17.8: the inbox marks returned and waiting tasks). */
export function approvalMarks(
  task: Pick<TaskEntity, 'status' | 'type' | 'returned' | 'countersigns'>,
  role: Role,
) {
  return {
    returned: returnedVisible(task, role),
    countersignPending: task.status === 'open' && countersignPending(task.countersigns),
  };
}

/**
 * A task's approval actions for its page: what the caller may do now, and the countersignatures
 * asked on it — who answered which way is an officer's judgment, kept from enterprises and
 * departments like the opinions themselves (libs/domain/src/visibility).
 */
export function approvalDetail(actor: Actor, task: TaskEntity, principal?: Actor) {
  return {
    approvalActions: availableApprovalActions(actor, task, principal),
    countersigns: officersRead(actor.role) ? (task.countersigns ?? []) : null,
    countersignOf: officersRead(actor.role) ? (task.countersignOf ?? null) : null,
  };
}

const officersRead = (role: Role) => readerOf(role) === 'officer';

/** A 退回 as a reader sees it: `by` null where the reader may not know which officer decided. */
export type ReturnedView = Omit<Returned, 'by'> & { by: string | null };

/**
 * Why a step was sent back: an officer's reason, read by officers; on the enterprise's own steps
 * (its quarterly report sent back by the review) it is what the enterprise must correct, without
 * the officer who sent it back (an enterprise never learns which officer decided: actorVisible).
 */
export function returnedVisible(
  task: Pick<TaskEntity, 'type' | 'returned'>,
  role: Role,
): ReturnedView | null {
  if (!task.returned) return null;
  const reader = readerOf(role);
  if (reader === 'officer') return task.returned;
  if (reader === 'enterprise' && ENTERPRISE_TASK_TYPES.includes(task.type)) {
    return { ...task.returned, by: null };
  }
  return null;
}
