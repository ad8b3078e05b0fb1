import {
  Countersign,
  countersignSatisfied,
  CalendarDayRule,
  deadlinesFor,
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

type Task = TaskView & { completing: boolean };

/**
 * A completion as it may still be taken back (撤回): the task as it was, what was submitted, the
 * statechart before it and what it opened. Kept in memory until the next transition replaces it
 * (a continued run starts without one: a withdrawal is for the moments after a completion).
 */
export interface Undo {
  task: Task;
  by: string;
  data: Record<string, unknown>;
  stateValue: unknown;
  context: ProjectionDelta['context'];
  opened: string[];
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

  completed(type: TaskType, username: string): void {
    if (type !== 'COUNTERSIGN') this.completers[type] = username;
  }

  /** The undo record of a completion, when its step may be withdrawn. */
  undoOf(
    task: Task,
    req: CompleteTaskRequest,
    before: { stateValue: unknown; context: ProjectionDelta['context'] },
    delta: ProjectionDelta,
  ): Undo | null {
    if (!STEP_ACTIONS[task.type].withdraw || req.actor.username === 'system') return null;
    return {
      task: { ...task, completing: false },
      by: req.actor.username,
      data: req.data,
      ...before,
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
