import { isCandidate } from './access';
import { Conflict, DomainError, Forbidden, RuleViolation } from './errors';
import { Actor, ADMIN_ROLES, Role } from './roles';
import { t } from './text';
import type { TaskType } from './task-types';
import { stepActions } from './approval-actions/allowed';

/** What a person can do with an open task (Camunda Tasklist's claim / unclaim / delegate / complete). */
export type TaskAction = 'complete' | 'claim' | 'unclaim' | 'delegate';
export const TASK_ACTIONS: readonly TaskAction[] = ['complete', 'claim', 'unclaim', 'delegate'];

export interface HeldTask {
  assignee: string | null;
  candidateGroups: readonly string[];
  /** Its step, where the caller knows it: some steps are never handed on (STEP_ACTIONS). */
  type?: TaskType;
}

/** Roles that read and never act (docs/design.md 2.4: auditors read-only, leaders dashboards; 三员: the audit administrator). */
export const READ_ONLY_ROLES: readonly Role[] = ['auditor', 'leader', 'audit_admin'];

/**
 * Roles whose task list is everything in their scope rather than "what I can do": those that only
 * read, and the system administrator (三员), whom no task's candidates name. Their inbox was always
 * empty (the UI walk as admin).
 */
export function listsAllTasks(role: Role): boolean {
  return READ_ONLY_ROLES.includes(role) || role === 'system_admin';
}

/**
 * Roles that act on no case: those that only read, and the three administrators (三员: system,
 * security, audit), who keep the system and work no cases (docs/api.md) — no claim, completion,
 * comment, 催办, 抄送, 退回, 撤回 or 加签, nor a file on a task or a problem.
 */
export function worksNoCases(role: Role): boolean {
  return READ_ONLY_ROLES.includes(role) || ADMIN_ROLES.includes(role);
}

/** 403 READ_ONLY_ROLE for a role that acts on no case (worksNoCases), else null. */
export function caseWorkRefusal(role: Role): Forbidden | null {
  if (READ_ONLY_ROLES.includes(role)) {
    return new Forbidden('READ_ONLY_ROLE', t('您的角色只能查看，不能修改', 'your role may only read'));
  }
  if (ADMIN_ROLES.includes(role)) {
    return new Forbidden(
      'READ_ONLY_ROLE',
      t('管理员（三员）不办理业务，不能对案件进行操作', 'the administrators work no cases'),
    );
  }
  return null;
}

/** 科技处 coordinates the pool: it may take a task back from its assignee and hand it on. */
const SUPERVISOR: Role = 'city_coordinator';

/**
 * The one rule for acting on an open task, shared by the workflow's Update validators and the API
 * (which shows what the caller may do). A task is done by its assignee or, unclaimed, by any
 * candidate; not being a candidate is 403, someone else's claim is 409. Null: allowed.
 */
export function taskRefusal(actor: Actor, task: HeldTask, action: TaskAction): DomainError | null {
  const noCaseWork = caseWorkRefusal(actor.role);
  if (noCaseWork) return noCaseWork;
  // An enterprise does its own steps: its users complete them as they come, with no claim to make
  // or release and no one to hand them to (转办 is the officers' way of sharing work). A step sent
  // back (退回) to the enterprise comes back held by who did it: still nobody's to claim or release.
  const assigning = action === 'claim' || action === 'unclaim';
  if (
    (actor.role === 'enterprise_user' && (assigning || action === 'delegate')) ||
    (assigning && isEnterpriseStep(task))
  ) {
    return new Forbidden(
      'ENTERPRISE_DOES_NOT_ASSIGN',
      t(
        '企业的环节由企业用户直接办理，无需认领、取消认领或转办',
        'enterprise users do their steps without claiming, releasing or delegating them',
      ),
    );
  }
  const candidate = isCandidate(actor, task.candidateGroups);
  const mine = task.assignee === actor.username;
  const supervisor = actor.role === SUPERVISOR;
  const claimedByOther = () =>
    new Conflict(
      'TASK_CLAIMED',
      t(`任务已由 ${task.assignee} 认领`, `the task is claimed by ${task.assignee}`),
    );
  switch (action) {
    case 'complete':
    case 'claim':
      if (!candidate && !mine) {
        return new Forbidden('NOT_A_CANDIDATE', t('您无权办理该任务', 'you may not do this task'));
      }
      // Nobody claims an enterprise's step: one sent back to whoever did it is any of its users' to redo.
      if (isEnterpriseStep(task)) return null;
      return task.assignee && !mine ? claimedByOther() : null;
    case 'unclaim':
      if (!mine && !supervisor && !candidate) {
        return new Forbidden('NOT_A_CANDIDATE', t('您无权办理该任务', 'you may not do this task'));
      }
      if (!task.assignee)
        return new Conflict('TASK_NOT_CLAIMED', t('任务尚未被认领', 'the task is not claimed'));
      return mine || supervisor
        ? null
        : new Forbidden('NOT_THE_ASSIGNEE', t('只有认领人可以退回任务', 'only the assignee may unclaim'));
    case 'delegate': {
      // A countersignature is asked of one person by name: it is theirs to answer, not to pass on.
      if (task.type && !stepActions(task.type).delegate) {
        return new Forbidden(
          'STEP_NOT_DELEGATED',
          t(
            '会签意见由被邀请人本人出具，不能转办',
            'a countersignature is answered by the one asked, not handed on',
          ),
        );
      }
      const may = supervisor || (task.assignee ? mine : candidate);
      return may
        ? null
        : new Forbidden('MAY_NOT_DELEGATE', t('您无权转办该任务', 'you may not delegate this task'));
    }
  }
}

/**
 * Any action on a task no longer open: 409, saying how it closed. Cancelled is a task whose step was
 * left without it being done (退回, 撤回 of the completion that opened it, the other feedback ending
 * the stage): whoever lost to a 退回 or a 撤回 at the same moment reads that, from the workflow's
 * validator as from the read model a moment later, not 已办结.
 */
export function taskClosedRefusal(status: 'done' | 'cancelled' | string): Conflict {
  return status === 'cancelled'
    ? new Conflict('TASK_CANCELLED', t('任务已取消', 'the task was cancelled'))
    : new Conflict('TASK_ALREADY_COMPLETED', t('任务已办结', 'the task is already completed'));
}

/**
 * An enterprise's own step (确认, 季度报告, 年度更新): only its users are candidates, and they do it as
 * it comes, with no claim (taskRefusal), so it never has, nor waits for, an assignee.
 */
export function isEnterpriseStep(task: Pick<HeldTask, 'candidateGroups'>): boolean {
  return (
    task.candidateGroups.length > 0 &&
    task.candidateGroups.every((group) => group.split(':')[0] === 'enterprise_user')
  );
}

/** A delegate must be allowed to do the task themselves (422 otherwise: the request is well-formed). */
export function delegateRefusal(to: Actor | undefined, task: HeldTask): DomainError | null {
  if (to && !READ_ONLY_ROLES.includes(to.role) && isCandidate(to, task.candidateGroups)) return null;
  return new RuleViolation(
    'DELEGATE_NOT_CANDIDATE',
    t('被转办人无权办理该任务', 'the delegate may not do this task'),
    [{ field: 'to', text: t('无权办理该任务', 'may not do this task') }],
  );
}

/**
 * Whether a user may go on holding a claimed task: still a candidate, and a role that acts. Being
 * the assignee is not enough (taskRefusal lets an assignee act): when an administrator changes a
 * user's role or scope, or deactivates them, the tasks this says no to are released (issue 20.6).
 */
export function mayHoldTask(actor: Actor, task: HeldTask): boolean {
  return !READ_ONLY_ROLES.includes(actor.role) && isCandidate(actor, task.candidateGroups);
}

/** Which actions the caller may take on an open task, for the inbox's buttons. */
export function allowedTaskActions(actor: Actor, task: HeldTask): Record<TaskAction, boolean> {
  const allowed = Object.fromEntries(TASK_ACTIONS.map((a) => [a, !taskRefusal(actor, task, a)])) as Record<
    TaskAction,
    boolean
  >;
  // Claiming a task one holds changes nothing (the Update accepts it): the button is not offered.
  return { ...allowed, claim: allowed.claim && task.assignee !== actor.username };
}
