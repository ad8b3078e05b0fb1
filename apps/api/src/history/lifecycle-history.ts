import type { temporal } from '@temporalio/proto';
import {
  Actor,
  completionLabel,
  HISTORY_LABELS,
  HistoryEntry,
  isStage,
  onBehalfLabel,
  Stage,
  SYSTEM_ACTOR,
  t,
  TASK_STATE_LABELS,
  taskState,
  TaskType,
  Text,
} from '@hardtech/domain';
import {
  AssignTaskRequest,
  assignTaskUpdate,
  awaitOpenedUpdate,
  blowWhistleUpdate,
  CcTaskRequest,
  ccTaskUpdate,
  CompleteTaskRequest,
  completeTaskUpdate,
  CountersignRequest,
  countersignUpdate,
  LIFECYCLE_ACTIVITIES,
  LifecycleInput,
  ProjectionReceipt,
  QuarterTick,
  quarterTickSignal,
  ProblemWorkRequest,
  ReturnTaskRequest,
  returnTaskUpdate,
  TaskView,
  UrgeTaskRequest,
  urgeTaskUpdate,
  WhistleRequest,
  WhistleResult,
  WithdrawTaskRequest,
  withdrawTaskUpdate,
  workProblemUpdate,
} from '@hardtech/temporal/lifecycle.contract';
import type { LifecycleRun } from '@hardtech/temporal/lifecycle-client';
import { openAnnualReviewUpdate, recomputeDeadlinesUpdate } from '@hardtech/temporal/yearly.contract';
import { protoMillis } from '@hardtech/temporal/proto-time';
import type { PayloadDecoder } from '@hardtech/temporal/withdrawn-outcomes';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payload = temporal.api.common.v1.IPayload;

export type { HistoryEntry };

export type { PayloadDecoder };

const SYSTEM = SYSTEM_ACTOR.username;
const FAILED_ACTION: Record<string, string> = {
  'task.completed': 'task.completion_failed',
  'task.claimed': 'task.claim_failed',
  'task.unclaimed': 'task.unclaim_failed',
  'task.delegated': 'task.delegation_failed',
  'task.urge': 'task.urge_failed',
  'task.cc': 'task.cc_failed',
  'task.returned': 'task.return_failed',
  'task.withdrawn': 'task.withdrawal_failed',
  'task.countersign_requested': 'task.countersign_failed',
  'whistle.blown': 'whistle.failed',
};
/** Ledger work (issue 19): each kind of workProblem Update is an entry of its own. */
const PROBLEM_WORK_ACTION: Record<string, string> = {
  progress: 'problem.progress',
  close_request: 'problem.close_requested',
  extend: 'problem.extension_requested',
  handling: 'problem.handling_set',
};
const ASSIGN_ACTION = {
  claim: 'task.claimed',
  unclaim: 'task.unclaimed',
  delegate: 'task.delegated',
} as const;

/**
 * Turns the event histories of every run of one enterprise's lifecycle workflow (earlier
 * lifecycles and continue-as-new runs included, oldest first) into readable entries in time order.
 *
 * Where each fact comes from: WorkflowExecutionStarted holds the nomination and the nominator (or
 * the state carried over by continue-as-new); an accepted Update holds the request with the
 * actor, its completion the outcome; the `project` local activity's marker holds the receipt of
 * the tasks each transition opened and cancelled; the Stage search-attribute upserts are the stage
 * changes; signals, timers and the workflow's end are events of their own. Any other activity
 * whose result names a `kind` or `action` (reminders, escalations, notifications) becomes an entry
 * under that name, so new steps show up without changing this reader.
 */
export function readLifecycleHistory(runs: LifecycleRun[], decode: PayloadDecoder): HistoryEntry[] {
  const reader = new HistoryReader(decode);
  for (const run of runs) reader.readRun(run);
  return reader.entries;
}

class HistoryReader {
  readonly entries: HistoryEntry[] = [];
  private readonly taskTypes = new Map<string, TaskType>();
  private stage: Stage | null = null;
  private lifecycleNo: number | null = null;
  private nominator = SYSTEM;
  // Per run:
  private runId = '';
  private updates = new Map<string, HistoryEntry>();
  private pendingActors: { updateId: string; actor: string }[] = [];
  private timers = new Map<string, { afterMs: number | undefined; summary: unknown }>();
  private activityTypes = new Map<string, string>();

  constructor(private readonly decode: PayloadDecoder) {}

  readRun(run: LifecycleRun): void {
    this.runId = run.runId;
    this.updates = new Map();
    this.pendingActors = [];
    this.timers = new Map();
    this.activityTypes = new Map();
    for (const event of run.events) this.read(event);
  }

  private read(e: HistoryEvent): void {
    if (e.workflowExecutionStartedEventAttributes) return this.started(e);
    if (e.workflowExecutionUpdateAcceptedEventAttributes) return this.updateAccepted(e);
    if (e.workflowExecutionUpdateCompletedEventAttributes) return this.updateCompleted(e);
    if (e.workflowExecutionSignaledEventAttributes) return this.signaled(e);
    if (e.upsertWorkflowSearchAttributesEventAttributes) return this.searchAttributes(e);
    if (e.markerRecordedEventAttributes) return this.marker(e);
    if (e.activityTaskScheduledEventAttributes) {
      const type = e.activityTaskScheduledEventAttributes.activityType?.name ?? '';
      this.activityTypes.set(String(e.eventId), type);
      return;
    }
    if (e.activityTaskCompletedEventAttributes) {
      const a = e.activityTaskCompletedEventAttributes;
      const type = this.activityTypes.get(String(a.scheduledEventId)) ?? '';
      return this.activityResult(e, type, this.first(a.result?.payloads));
    }
    if (e.timerStartedEventAttributes) {
      const a = e.timerStartedEventAttributes;
      this.timers.set(a.timerId ?? '', {
        afterMs: a.startToFireTimeout ? protoMillis(a.startToFireTimeout) : undefined,
        summary: e.userMetadata?.summary ? this.decode(e.userMetadata.summary) : null,
      });
      return;
    }
    if (e.timerFiredEventAttributes) {
      const timerId = e.timerFiredEventAttributes.timerId ?? '';
      const timer = this.timers.get(timerId);
      const summary = typeof timer?.summary === 'string' ? timer.summary : null;
      this.add(
        e,
        SYSTEM,
        'timer.fired',
        { timerId, afterMs: timer?.afterMs ?? null, summary },
        HISTORY_LABELS.timerFired(summary),
      );
      return;
    }
    if (e.workflowExecutionCompletedEventAttributes) {
      const result = this.first(e.workflowExecutionCompletedEventAttributes.result?.payloads) as {
        stage?: Stage;
        reason?: string | null;
      } | null;
      const stage = result?.stage && isStage(result.stage) ? result.stage : null;
      this.add(
        e,
        SYSTEM,
        'lifecycle.ended',
        { stage, reason: result?.reason ?? null },
        HISTORY_LABELS.ended(stage),
      );
      return;
    }
    if (e.workflowExecutionTerminatedEventAttributes) {
      const a = e.workflowExecutionTerminatedEventAttributes;
      this.add(
        e,
        a.identity || SYSTEM,
        'lifecycle.terminated',
        { reason: a.reason ?? null },
        HISTORY_LABELS.terminated(),
      );
      return;
    }
    if (e.workflowExecutionFailedEventAttributes) {
      const failure = e.workflowExecutionFailedEventAttributes.failure;
      this.add(e, SYSTEM, 'lifecycle.failed', { message: failure?.message ?? null }, HISTORY_LABELS.failed());
    }
  }

  private started(e: HistoryEvent): void {
    const a = e.workflowExecutionStartedEventAttributes!;
    const input = this.first(a.input?.payloads) as LifecycleInput | null;
    if (!input) return;
    this.lifecycleNo = input.lifecycleNo ?? null;
    if (input.carried) {
      for (const task of input.carried.tasks as TaskView[]) this.taskTypes.set(task.id, task.type);
      this.stage ??= stageOf(input.carried.stateValue);
      this.add(
        e,
        SYSTEM,
        'lifecycle.continued',
        {
          previousRunId: a.continuedExecutionRunId || null,
          runsBefore: input.carried.runsBefore,
          transitions: input.carried.transitions,
          openTasks: input.carried.tasks.map((task) => ({ taskId: task.id, taskType: task.type })),
        },
        HISTORY_LABELS.continued(),
      );
      return;
    }
    this.stage = null;
    this.nominator = input.nominatedBy?.username ?? SYSTEM;
    this.add(
      e,
      this.nominator,
      'nominated',
      {
        lifecycleNo: input.lifecycleNo,
        actorRole: input.nominatedBy?.role ?? null,
        nomination: input.nomination,
      },
      HISTORY_LABELS.nominated(input.lifecycleNo),
    );
  }

  private updateAccepted(e: HistoryEvent): void {
    const request = e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest;
    const name = request?.input?.name ?? '';
    const updateId = request?.meta?.updateId ?? '';
    const arg = this.first(request?.input?.args?.payloads) as Record<string, any> | null;
    let entry: HistoryEntry | null = null;
    if (name === completeTaskUpdate.name && arg) {
      const req = arg as CompleteTaskRequest;
      const taskType = this.taskTypes.get(req.taskId) ?? null;
      entry = this.add(
        e,
        req.actor.username,
        'task.completed',
        {
          taskId: req.taskId,
          taskType,
          outcome: req.outcome,
          data: req.data,
          actorRole: req.actor.role,
          ...(req.idempotencyKey ? { idempotencyKey: req.idempotencyKey } : {}),
          ...standIn(req.actor, req.onBehalfOf),
        },
        completionLabel(taskType, req.outcome),
      );
    } else if (name === assignTaskUpdate.name && arg) {
      const req = arg as AssignTaskRequest;
      const { taskType } = this.taskOf(req.taskId);
      entry = this.add(
        e,
        req.actor.username,
        ASSIGN_ACTION[req.kind],
        {
          taskId: req.taskId,
          taskType,
          actorRole: req.actor.role,
          to: req.to?.username ?? null,
          ...(req.reason ? { reason: req.reason } : {}),
          ...standIn(req.actor, req.onBehalfOf),
        },
        HISTORY_LABELS.assigned(taskType, req.kind, req.reason),
      );
    } else if (name === urgeTaskUpdate.name && arg) {
      const req = arg as UrgeTaskRequest;
      const { taskType } = this.taskOf(req.taskId);
      entry = this.add(
        e,
        req.actor.username,
        'task.urge',
        { taskId: req.taskId, taskType, actorRole: req.actor.role, message: req.message ?? null },
        HISTORY_LABELS.urged(taskType),
      );
    } else if (name === ccTaskUpdate.name && arg) {
      const req = arg as CcTaskRequest;
      const { taskType } = this.taskOf(req.taskId);
      entry = this.add(
        e,
        req.actor.username,
        'task.cc',
        {
          taskId: req.taskId,
          taskType,
          actorRole: req.actor.role,
          users: req.users,
          note: req.note ?? null,
          ...standIn(req.actor, req.onBehalfOf),
        },
        HISTORY_LABELS.copied(taskType, req.users),
      );
    } else if (name === returnTaskUpdate.name && arg) {
      // 退回: named like the other steps, without the policy the request carries.
      const req = arg as ReturnTaskRequest;
      const { taskType } = this.taskOf(req.taskId);
      entry = this.add(
        e,
        req.actor.username,
        'task.returned',
        {
          taskId: req.taskId,
          taskType,
          actorRole: req.actor.role,
          reason: req.reason,
          ...standIn(req.actor, req.onBehalfOf),
        },
        // The reason is an officer's word: in `data`, which the visibility rule keeps from other readers.
        HISTORY_LABELS.returned(taskType),
      );
    } else if (name === withdrawTaskUpdate.name && arg) {
      const req = arg as WithdrawTaskRequest;
      const { taskType } = this.taskOf(req.taskId);
      entry = this.add(
        e,
        req.actor.username,
        'task.withdrawn',
        { taskId: req.taskId, taskType, actorRole: req.actor.role },
        HISTORY_LABELS.withdrawn(taskType),
      );
    } else if (name === countersignUpdate.name && arg) {
      const req = arg as CountersignRequest;
      const { taskType } = this.taskOf(req.taskId);
      const names = req.users.map(actorName);
      entry = this.add(
        e,
        req.actor.username,
        'task.countersign_requested',
        {
          taskId: req.taskId,
          taskType,
          actorRole: req.actor.role,
          users: req.users.map((u) => u.username),
          mode: req.mode,
          note: req.note,
          ...standIn(req.actor, req.onBehalfOf),
        },
        HISTORY_LABELS.countersignAsked(taskType, names, req.mode),
      );
    } else if (name === blowWhistleUpdate.name && arg) {
      // 企业吹哨·部门报到: the WHISTLE_RESPONSE it opens follows as task.created.
      const req = arg as WhistleRequest;
      entry = this.add(
        e,
        req.actor.username,
        'whistle.blown',
        {
          problemId: req.problemId ?? null,
          title: req.title,
          description: req.description,
          actorRole: req.actor.role,
        },
        HISTORY_LABELS.whistle(req.title),
      );
    } else if (name === workProblemUpdate.name && arg) {
      // The PROBLEM_CLOSE or PROBLEM_EXTENSION it opens follows as task.created.
      const req = arg as ProblemWorkRequest;
      entry = this.add(
        e,
        req.actor.username,
        PROBLEM_WORK_ACTION[req.work.kind] ?? `problem.${req.work.kind}`,
        { problemId: req.work.problemId, fields: req.work.fields, actorRole: req.actor.role },
        HISTORY_LABELS.problemWork(req.work.kind),
      );
    } else if (name !== awaitOpenedUpdate.name) {
      const { actor, ...data } = arg ?? {};
      // The yearly cycle's Updates read in words (the timeline showed openAnnualReview); others by name.
      const label =
        name === openAnnualReviewUpdate.name
          ? HISTORY_LABELS.annualReviewOpened(Number(arg?.year))
          : name === recomputeDeadlinesUpdate.name
            ? HISTORY_LABELS.deadlinesRecomputed()
            : HISTORY_LABELS.unknown(name);
      entry = this.add(e, actor?.username ?? SYSTEM, `update.${name}`, data, label);
    }
    if (!entry) return;
    this.updates.set(updateId, entry);
    this.pendingActors.push({ updateId, actor: entry.actor ?? SYSTEM });
  }

  private updateCompleted(e: HistoryEvent): void {
    const a = e.workflowExecutionUpdateCompletedEventAttributes!;
    const updateId = a.meta?.updateId ?? '';
    this.pendingActors = this.pendingActors.filter((p) => p.updateId !== updateId);
    const entry = this.updates.get(updateId);
    const failure = a.outcome?.failure;
    if (!failure) {
      // Histories recorded before receipts existed: the answers name the tasks that opened.
      const answer = this.first(a.outcome?.success?.payloads) as Record<string, any> | null;
      for (const task of [...(answer?.nextTasks ?? []), ...(answer?.openTasks ?? [])] as TaskView[]) {
        if (task?.id && task.type) this.taskTypes.set(task.id, task.type);
      }
      if (entry?.action === 'whistle.blown' && answer) whistled(entry, answer as Partial<WhistleResult>);
      return;
    }
    if (!entry) return;
    // Accepted but refused by the handler (e.g. the pool filled up meanwhile): nothing changed.
    entry.action = FAILED_ACTION[entry.action] ?? `${entry.action}.failed`;
    entry.data = {
      ...entry.data,
      failure: failure.applicationFailureInfo?.type ?? null,
      message: failure.message,
    };
    entry.label = HISTORY_LABELS.refused(entry.label);
  }

  private signaled(e: HistoryEvent): void {
    const a = e.workflowExecutionSignaledEventAttributes!;
    const payload = this.first(a.input?.payloads) as Record<string, any> | null;
    if (a.signalName === quarterTickSignal.name && payload) {
      const tick = payload as QuarterTick;
      this.add(
        e,
        SYSTEM,
        'quarter.ticked',
        { quarter: tick.quarter, dispatchId: tick.dispatchId },
        HISTORY_LABELS.quarterTicked(tick.quarter),
      );
      return;
    }
    const { actor, ...data } = payload ?? {};
    const name = a.signalName ?? '';
    this.add(e, actor?.username ?? SYSTEM, `signal.${name}`, data, HISTORY_LABELS.unknown(name));
  }

  private searchAttributes(e: HistoryEvent): void {
    const fields = e.upsertWorkflowSearchAttributesEventAttributes!.searchAttributes?.indexedFields ?? {};
    if (!fields.Stage) return;
    const to = this.decode(fields.Stage);
    if (!isStage(to) || to === this.stage) return;
    const from = this.stage;
    this.stage = to;
    // The first stage is the nomination's doing.
    const actor = from === null ? this.nominator : this.currentActor();
    this.add(e, actor, 'stage.changed', { from, to }, HISTORY_LABELS.stageEntered(to));
  }

  private marker(e: HistoryEvent): void {
    const a = e.markerRecordedEventAttributes!;
    if (a.markerName !== 'core_local_activity') return;
    const details = this.first(a.details?.data?.payloads) as { activity_type?: string } | null;
    this.activityResult(e, details?.activity_type ?? '', this.first(a.details?.result?.payloads));
  }

  private activityResult(e: HistoryEvent, type: string, result: unknown): void {
    if (!result || typeof result !== 'object') return;
    const r = result as Record<string, any>;
    if (type === LIFECYCLE_ACTIVITIES.project && r.kind === 'projection')
      return this.projected(e, r as ProjectionReceipt);
    if (type === LIFECYCLE_ACTIVITIES.activePolicy) return;
    if (type === LIFECYCLE_ACTIVITIES.reservePoolSeat) {
      const reserved = !!r.reserved;
      this.add(
        e,
        this.currentActor(),
        reserved ? 'pool.seat_reserved' : 'pool.full',
        { members: r.members, capacity: r.capacity },
        reserved
          ? HISTORY_LABELS.poolSeatTaken(r.members, r.capacity)
          : HISTORY_LABELS.poolFull(r.members, r.capacity),
      );
      return;
    }
    const action = typeof r.action === 'string' ? r.action : typeof r.kind === 'string' ? r.kind : null;
    if (!action) return;
    const actor = typeof r.actor === 'string' ? r.actor : SYSTEM;
    const label =
      r.label && typeof r.label.zh === 'string' ? (r.label as Text) : HISTORY_LABELS.unknown(action);
    this.add(e, actor, action, r, label);
  }

  private projected(e: HistoryEvent, receipt: ProjectionReceipt): void {
    for (const c of receipt.closed) {
      // Completions and 退回 (a step closed cancelled as `returned`) are the Updates' entries: a
      // returned step read 已取消 beside its own 退回. A withdrawn 销号 request says why, as its
      // task page and lists do (taskState).
      const state = taskState(c);
      if (state !== 'cancelled' && state !== 'close_withdrawn') continue;
      const taskType = this.taskTypes.get(c.id) ?? null;
      const how = state === 'cancelled' ? t('已取消', 'cancelled') : TASK_STATE_LABELS[state];
      this.add(e, SYSTEM, 'task.cancelled', { taskId: c.id, taskType }, HISTORY_LABELS.closed(taskType, how));
    }
    for (const o of receipt.opened) {
      this.taskTypes.set(o.id, o.type);
      this.add(
        e,
        SYSTEM,
        'task.created',
        {
          taskId: o.id,
          taskType: o.type,
          candidateGroups: o.candidateGroups,
          dueAt: o.dueAt,
          quarter: o.quarter,
        },
        HISTORY_LABELS.taskOpened(o.type),
      );
    }
  }

  /** A task's type as this history knows it. */
  private taskOf(taskId: string): { taskType: TaskType | null } {
    return { taskType: this.taskTypes.get(taskId) ?? null };
  }

  /** Whose step caused what follows: the Update being handled, or the system (ticks, timers). */
  private currentActor(): string {
    return this.pendingActors[this.pendingActors.length - 1]?.actor ?? SYSTEM;
  }

  private first(payloads: Payload[] | null | undefined): unknown {
    const p = payloads?.[0];
    if (!p) return null;
    try {
      return this.decode(p) ?? null;
    } catch {
      return null; // a payload this reader cannot decode (binary/null, a foreign codec)
    }
  }

  private add(e: HistoryEvent, actor: string, action: string, data: Record<string, unknown>, label: Text) {
    const entry: HistoryEntry = {
      at: new Date(protoMillis(e.eventTime)).toISOString(),
      actor,
      action,
      data,
      label,
      lifecycleNo: this.lifecycleNo,
      runId: this.runId,
      eventId: Number(e.eventId),
    };
    this.entries.push(entry);
    return entry;
  }
}

function stageOf(value: unknown): Stage | null {
  const key =
    typeof value === 'string' ? value : value && typeof value === 'object' ? Object.keys(value)[0] : null;
  return isStage(key) ? key : null;
}

/**
 * A whistle names the problem it is on (the one it put in the ledger, for a new problem: the
 * request names none) and the 部门报到 it opened, as its Update's result has them since whistles
 * were: what the ledger scope reads a whistle and its answer by (visibility/ledger-scope.ts).
 */
function whistled(entry: HistoryEntry, result: Partial<WhistleResult>): void {
  entry.data = {
    ...entry.data,
    problemId: result.problemId ?? entry.data.problemId ?? null,
    ...(result.task?.id ? { taskId: result.task.id } : {}),
  };
}

const actorName = (a: Actor) => a.displayName ?? a.username;

/** 委托代理: whom a proxy stood in for, and the byline 王五（代 张三）; nothing when no proxy acted. */
function standIn(actor: Actor, principal: Actor | undefined) {
  return principal
    ? { onBehalfOf: principal.username, byline: onBehalfLabel(actorName(actor), actorName(principal)) }
    : {};
}
