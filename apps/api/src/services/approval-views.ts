import {
  ActionableTask,
  Actor,
  availableApprovalActions,
  ccRefusal,
  countersignPending,
  readerOf,
  Role,
  taskRefusal,
  urgeableAt,
  urgeRefusal,
  visibleReturned,
  WorkCalendar,
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
export function approvalDetail(
  actor: Actor,
  task: TaskEntity & Pick<ActionableTask, 'problemStatus'>,
  principal?: Actor,
) {
  return {
    approvalActions: availableApprovalActions(actor, task, principal),
    countersigns: officersRead(actor.role) ? (task.countersigns ?? []) : null,
    countersignOf: officersRead(actor.role) ? (task.countersignOf ?? null) : null,
    withdrawn: withdrawnDraft(actor.role, task),
  };
}

/**
 * 撤回: the outcome an open task was completed with before it was taken back, which its form starts
 * from with the data kept as its draft. An officer's own result, read by officers only.
 */
function withdrawnDraft(role: Role, task: Pick<TaskEntity, 'status' | 'withdrawn'>) {
  const outcome = task.withdrawn?.outcome;
  return officersRead(role) && task.status === 'open' && outcome ? { outcome } : null;
}

const officersRead = (role: Role) => readerOf(role) === 'officer';

/**
 * Issue 17's actions beside the inbox's: 催办 by anyone who sees an open task but its assignee, once
 * per URGE_INTERVAL_WORKING_HOURS on the working-day calendar the workflow counts with, and never
 * by a proxy (委托代理) for the principal it stands in for; 抄送 by whoever may do it; a proxy may
 * complete, copy and hand on the principal's task as the principal may.
 */
export function approvalActions(
  actor: Actor,
  task: TaskEntity & { urges?: MyUrges },
  principal: Actor | undefined,
  calendar: WorkCalendar | null,
  now = new Date(),
) {
  if (task.status !== 'open') return { urge: false, cc: false };
  return {
    ...(principal ? { complete: true, delegate: !taskRefusal(principal, task, 'delegate') } : {}),
    urge: !principal && !urgeRefusal(actor, task, now, calendar),
    cc: !ccRefusal(actor, task, principal),
  };
}

/** The caller's own urges of a task, as `urgesBy` builds them from their last one. */
type MyUrges = { by: string; at: string }[];

/** The urges urgeRefusal counts for `actor`: their last one, the only one that matters to them. */
export const urgesBy = (actor: Actor, lastUrge: string | null): MyUrges =>
  lastUrge ? [{ by: actor.username, at: lastUrge }] : [];

/**
 * 催办: when the caller may urge the open task again (ISO), by the rule the 429 URGE_TOO_SOON
 * applies: their last urge plus the working hours; null when they may now, never urged it, or may
 * not urge it at all. Another's urge holds nobody back.
 */
export function urgeableAtOf(
  actor: Actor,
  task: Pick<TaskEntity, 'status' | 'assignee' | 'candidateGroups'>,
  lastUrge: string | null,
  calendar: WorkCalendar | null,
  now = new Date(),
): string | null {
  if (task.status !== 'open' || !lastUrge) return null;
  const at = urgeableAt(actor, { ...task, urges: urgesBy(actor, lastUrge) }, now, calendar);
  return at && at.toISOString();
}
