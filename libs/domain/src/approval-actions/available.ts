import type { ProblemStatus } from '../ledger';
import type { Actor } from '../roles';
import { HeldTask, taskRefusal } from '../task-permissions';
import type { TaskType } from '../task-types';
import { ApprovalAction, STEP_ACTIONS } from './allowed';
import { countersignClosedProblemRefusal } from './countersign';

/** A task as the inbox holds it, for the buttons of the task page. */
export interface ActionableTask extends HeldTask {
  type: TaskType;
  status: 'open' | 'done' | 'cancelled';
  completedBy: string | null;
  /** The status of the ledger problem the task is about (销号, 延期, 部门报到), if the caller read it. */
  problemStatus?: ProblemStatus | null;
}

/**
 * Which approval actions the caller may take on the task now, for its buttons: the step allows the
 * action (STEP_ACTIONS) and the caller is the one who may (the workflow decides at the time, e.g.
 * whether a withdrawal is still early enough). 催办 and 抄送: see their own rules (issue 17 items 3, 5).
 * Not 加签 on a task whose ledger problem is closed out (countersignClosedProblemRefusal).
 * `principal`: whom the caller stands in for on this task (委托代理): what the principal may do on it,
 * the caller may do for them.
 */
export function availableApprovalActions(
  actor: Actor,
  task: ActionableTask,
  principal?: Actor,
): Record<ApprovalAction, boolean> {
  const step = STEP_ACTIONS[task.type];
  const open = task.status === 'open';
  // 委托代理: on the principal's task the proxy may do whatever the principal may (actingFor).
  const may = (action: 'complete' | 'delegate') =>
    open && (!taskRefusal(actor, task, action) || (!!principal && !taskRefusal(principal, task, action)));
  const mayComplete = may('complete');
  return {
    return: mayComplete && step.return !== null,
    withdraw: task.status === 'done' && step.withdraw && task.completedBy === actor.username,
    countersign: mayComplete && step.countersign && !countersignClosedProblemRefusal(task.problemStatus),
    delegate: step.delegate && may('delegate'),
    urge: false,
    cc: false,
  };
}
