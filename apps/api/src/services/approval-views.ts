import {
  Actor,
  availableApprovalActions,
  countersignPending,
  readerOf,
  Role,
  visibleReturned,
} from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';

/** 退回 and 加签 marks of a task in any list (issue 17.8: the inbox marks returned and waiting tasks). */
export function approvalMarks(
  task: Pick<TaskEntity, 'status' | 'type' | 'returned' | 'countersigns'>,
  role: Role,
) {
  return {
    returned: visibleReturned(role, task.returned),
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
