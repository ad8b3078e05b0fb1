import {
  Countersign,
  countersignSatisfied,
  CalendarDayRule,
  deadlinesFor,
  isSystemActor,
  OVERTAKEN,
  revertChange,
  slaFor,
  STEP_ACTIONS,
  TaskType,
} from '@hardtech/domain';
import type { ActivePolicy } from '@hardtech/domain';
import type {
  CompleteTaskRequest,
  CountersignRequest,
  ProjectionDelta,
  TaskView,
} from '@hardtech/temporal/lifecycle.contract';

/** Patch id: 退回, 撤回 and 加签 (issue 17) are steps of lifecycles from this change on. */
export const APPROVAL_ACTIONS_PATCH = 'approval-actions';

/**
 * Patch id: 撤回 of any completion whose next step has not been acted on, also after unrelated
 * transitions (libs/domain/src/approval-actions/withdraw.ts); before it, only the last transition.
 * Asked at the start of the withdraw Update's handler, before its first await: the activation that
 * delivers the Update is fixed by history, so the answer cannot move to another workflow task.
 */
export const WITHDRAW_SINCE_PATCH = 'withdraw-since';

/**
 * Patch id: a proxy (委托代理) asks countersignatures, copies and hands on the principal's tasks
 * for them (libs/domain actingFor); the countersigned task stays the principal's. Asked at the start
 * of those Updates' handlers, and only when one names a principal: no history recorded before it
 * has such an Update, and the others record no marker.
 */
export const PROXY_ACTIONS_PATCH = 'proxy-approval-actions';

/**
 * Patch id: a step a proxy completed for the principal is the principal's: its last doer is the
 * principal, so a 退回 to it reopens it held by them, not by the proxy who only stood in. Asked at
 * the start of the completion's handler, and only when a proxy completes a step that can be sent
 * back to (isReturnTarget): ordinary runs record no marker.
 */
export const PROXY_RETURN_PATCH = 'proxy-completion-principal-holds';

/**
 * Patch id: 撤回 also takes back the last doer the withdrawn completion recorded, so a later 退回
 * to the step reopens it for whoever did it before, not for the one who withdrew. Asked at the
 * start of the withdraw Update's handler, and only when the withdrawal changes that record.
 */
export const WITHDRAW_LAST_DOER_PATCH = 'withdraw-restores-last-doer';

/**
 * Patch id: the 加签 handler checks the request again, as its validator did, once it has read the
 * policy and before it opens anything. Two 加签 Updates delivered in one activation were both
 * validated before either handler recorded its round (the handler reads the policy first), so a
 * person named in both got two COUNTERSIGN tasks; now the second is refused whole, 409
 * COUNTERSIGNER_ALREADY_ASKED as its validator would have, and opens nothing. Asked at the start
 * of every 加签 handler, before its first await (the activation that delivers the Update is fixed
 * by history); not among PATCHES_IN_EFFECT_AT_START, which is frozen.
 */
export const COUNTERSIGN_RECHECK_PATCH = 'countersign-handler-rechecks';

/** How many completions are kept to be taken back: a withdrawal is for the moments after them. */
const UNDO_RECORDS = 8;

type Task = TaskView & { completing: boolean };

/** The statechart's value and context at one moment. */
export interface StateAt {
  stateValue: unknown;
  context: ProjectionDelta['context'];
}

/**
 * A completion as it may still be taken back (撤回): the task as it was, what was submitted, the
 * statechart before and after it and what it opened. Kept in memory while every task it opened is
 * open, the last UNDO_RECORDS of them (a continued run starts without any: a withdrawal is for the
 * moments after a completion).
 */
export interface Undo extends StateAt {
  task: Task;
  by: string;
  /** The step's last doer before and after the completion (ApprovalActions.completers). */
  lastDoer: { before: string | undefined; after: string };
  data: Record<string, unknown>;
  after: StateAt;
  opened: string[];
}

/**
 * The statechart with a completion taken back and what happened since kept (revertChange), or
 * null where a later transition changed what the completion changed (WITHDRAW_OVERTAKEN).
 */
export function revertedState(undo: Undo, current: StateAt): StateAt | null {
  const stateValue = revertChange(undo.stateValue, undo.after.stateValue, current.stateValue);
  const context = revertChange(undo.context, undo.after.context, current.context);
  if (stateValue === OVERTAKEN || context === OVERTAKEN) return null;
  return { stateValue, context: context as StateAt['context'] };
}

/** The completions that may still be withdrawn, by task id. */
export class UndoRecords {
  private readonly byTask = new Map<string, Undo>();
  /** The last transition's record: runs from before WITHDRAW_SINCE_PATCH withdraw only that one. */
  last: Undo | null = null;

  /** A transition was committed: its record (if any) joins, records whose next step moved go. */
  committed(undo: Undo | null, isOpen: (taskId: string) => boolean): void {
    this.last = undo;
    if (undo) this.byTask.set(undo.task.id, undo);
    for (const [id, u] of this.byTask) if (!u.opened.every(isOpen)) this.byTask.delete(id);
    for (const id of [...this.byTask.keys()].slice(0, Math.max(0, this.byTask.size - UNDO_RECORDS))) {
      this.byTask.delete(id);
    }
  }

  of(taskId: string, since: boolean): Undo | null {
    if (!since) return this.last?.task.id === taskId ? this.last : null;
    return this.byTask.get(taskId) ?? null;
  }

  taken(taskId: string): void {
    this.byTask.delete(taskId);
  }
}

const COUNTERSIGN_KEY = 'countersign:';

/**
 * The bookkeeping of the approval actions that the statechart does not hold: who last did each step
 * (a step sent back reopens for them), the countersignatures asked on a task and answered, and the
 * completion that may still be withdrawn. Pure: the Lifecycle calls it between its awaits.
 */
export class ApprovalActions {
  readonly completers: Partial<Record<TaskType, string>>;

  constructor(completers: Partial<Record<TaskType, string>>) {
    this.completers = { ...completers };
  }

  /**
   * A completion recorded its step's last doer: the actor, or the principal a proxy did it for
   * (PROXY_RETURN_PATCH). Returns the record before and after, for the undo record.
   */
  completed(type: TaskType, doer: string): Undo['lastDoer'] {
    const before = this.completers[type];
    if (type !== 'COUNTERSIGN') this.completers[type] = doer;
    return { before, after: doer };
  }

  /** Whether withdrawing this completion changes the last doer: it is still the one it recorded. */
  doerToRestore(undo: Undo): boolean {
    const { before, after } = undo.lastDoer;
    return before !== after && this.completers[undo.task.type] === after;
  }

  /** 撤回: the step's last doer is again who it was before the withdrawn completion. */
  restoreDoer(undo: Undo): void {
    const { before } = undo.lastDoer;
    if (before === undefined) delete this.completers[undo.task.type];
    else this.completers[undo.task.type] = before;
  }

  /** The undo record of a completion, when its step may be withdrawn. */
  undoOf(
    task: Task,
    req: CompleteTaskRequest,
    before: StateAt,
    after: StateAt,
    delta: ProjectionDelta,
    lastDoer: Undo['lastDoer'],
  ): Undo | null {
    if (!STEP_ACTIONS[task.type].withdraw || isSystemActor(req.actor.username)) return null;
    return {
      task: { ...task, completing: false },
      by: req.actor.username,
      lastDoer,
      data: req.data,
      ...before,
      after,
      opened: delta.opened.map((o) => o.id),
    };
  }

  /** The COUNTERSIGN tasks of a new countersignature, one per named person, on the policy's SLA. */
  countersignTasks(
    of: Task,
    cs: Countersign,
    req: CountersignRequest,
    policy: ActivePolicy,
    calendarDays: CalendarDayRule,
    at: Date,
    newId: () => string,
  ): TaskView[] {
    const deadlines = deadlinesFor(at, slaFor(policy, 'COUNTERSIGN'), policy.calendar ?? null, calendarDays);
    return req.users.map((user) => ({
      id: newId(),
      key: `${COUNTERSIGN_KEY}${of.id}:${cs.id}:${user.username}`,
      type: 'COUNTERSIGN' as const,
      stage: of.stage,
      candidateGroups: [`user:${user.username}`],
      assignee: user.username,
      createdAt: at.toISOString(),
      dueAt: deadlines.dueAt.toISOString(),
      remindAt: deadlines.remindAt.toISOString(),
      escalateAt: deadlines.escalateAt.toISOString(),
      remindedAt: null,
      escalatedAt: null,
      policyVersion: policy.version,
      quarter: of.quarter ?? null,
      onDue: null,
      countersignOf: { taskId: of.id, countersignId: cs.id, mode: cs.mode, note: cs.note },
    }));
  }

  /**
   * A COUNTERSIGN answered: recorded on the task it answers. Returns that task's countersignatures
   * for the projection, or null when the completed task is no countersignature.
   */
  answer(
    task: Task,
    req: CompleteTaskRequest,
    at: Date,
    lookup: (id: string) => Task | undefined,
  ): { id: string; countersigns: Countersign[] } | null {
    const of = task.countersignOf;
    const main = of ? lookup(of.taskId) : undefined;
    if (!of || !main) return null;
    main.countersigns = (main.countersigns ?? []).map((cs) =>
      cs.id === of.countersignId
        ? {
            ...cs,
            answers: [
              ...cs.answers,
              { user: req.actor.username, taskId: task.id, outcome: req.outcome, at: at.toISOString() },
            ],
          }
        : cs,
    );
    return { id: main.id, countersigns: main.countersigns };
  }

  /** A COUNTERSIGN stays open while the task it answers is open and its round still waits. */
  stillAsked(task: Task, lookup: (id: string) => Task | undefined): boolean {
    const of = task.countersignOf;
    if (!of) return false;
    const cs = lookup(of.taskId)?.countersigns?.find((c) => c.id === of.countersignId);
    return !!cs && !countersignSatisfied(cs);
  }
}
