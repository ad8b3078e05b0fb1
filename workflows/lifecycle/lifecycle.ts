import { AnyActorLogic, AnyActorScope, createActor, SnapshotFrom } from 'xstate';
import {
  Actor,
  actingFor,
  isReturnTarget,
  onBehalfLabel,
  ActivePolicy,
  DomainError,
  pendingProblemFollowUps,
  applyCorrections,
  ccRefusal,
  copiedAgainRefusal,
  taskClosedRefusal,
  withdrawNotDone,
  ccText,
  assertValid,
  CalendarDayRule,
  deadlinesFor,
  delegateRefusal,
  evaluateScreening,
  Forbidden,
  Problem,
  PROBLEM_WORK_FIELDS,
  problemWorkerGroups,
  problemWorkRefusal,
  isCandidate,
  NotFound,
  poolFull,
  resolveCandidates,
  RuleViolation,
  shanghaiDate,
  SYSTEM_ACTOR,
  slaFor,
  Stage,
  t,
  taskRefusal,
  urgeRefusal,
  urgeText,
  validateSubmission,
  WHISTLE_FIELDS,
  WHISTLE_STAGES,
  Countersign,
  countersignAskedRefusal,
  countersignClosedProblemRefusal,
  countersignersRefusal,
  countersignPendingRefusal,
  countersignRefusal,
  mayCountersign,
  Returned,
  returnRefusal,
  STEP_ACTIONS,
  withdrawRefusal,
  withdrawTooLate,
  candidateFactsOf,
  problemIdOf,
  taskProblemId,
  whistleIdOf,
  whistledProblemDueOn,
  whistleOnProblemRefusal,
  whistleProblemMonths,
  CLOSE_WITHDRAWN_OUTCOME,
  closeWithdrawnData,
  problemCloseKey,
} from '@hardtech/domain';
import type {
  WithdrawalRefusal,
  AssignTaskRequest,
  AssignTaskResult,
  CarriedState,
  CcTaskRequest,
  CcTaskResult,
  ClosedTask,
  CompleteTaskRequest,
  CompleteTaskResult,
  CountersignRequest,
  CountersignResult,
  LifecycleInput,
  LifecycleResult,
  LifecycleView,
  ProblemNotification,
  ProblemWorkRequest,
  ProblemWorkResult,
  ProjectionDelta,
  QuarterTick,
  ReturnTaskRequest,
  SeatRequest,
  SeatResult,
  TaskNotification,
  TaskView,
  UrgeTaskRequest,
  UrgeTaskResult,
  WhistleRequest,
  WhistleResult,
  WithdrawTaskRequest,
  WithdrawTaskResult,
} from '@hardtech/temporal/lifecycle.contract';
import {
  APPROVAL_ACTIONS_PATCH,
  ApprovalActions,
  COUNTERSIGN_RECHECK_PATCH,
  PROXY_ACTIONS_PATCH,
  PROXY_RETURN_PATCH,
  revertedState,
  StateAt,
  Undo,
  UndoRecords,
  WITHDRAW_LAST_DOER_PATCH,
  WITHDRAW_SINCE_PATCH,
} from './approval-actions';
import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import type {
  OpenAnnualReviewRequest,
  OpenAnnualReviewResult,
  RecomputeDeadlinesRequest,
  RecomputeDeadlinesResult,
} from '@hardtech/temporal/yearly.contract';
import type { LifecycleContext } from './context';
import type { LifecycleEvent, TaskEvent } from './events';
import {
  ANNUAL_REVIEW_PATCH,
  annualKey,
  annualUpdateDeadlines,
  annualYearOf,
  evaluateSubmission,
  taskDetailsOf,
} from './annual-review';
import { PROVISIONAL_DEADLINES_PATCH, recomputeProvisional } from './provisional-deadlines';
import { DEADLINE_TIMER_PATCH, DeadlineTimer, DueStep } from './deadline-timer';
import { FollowUpEffects, FollowUpKind, FollowUps } from './follow-ups';
import { lifecycleMachine } from './machine';
import { ProblemDeadlines, ProblemFollowUpKind } from './problem-work';
import { projectionChanges } from './projection-changes';
import { stageOf, TaskSpec, taskSpecsOf } from './tasks';

/** What the lifecycle needs from its host: Temporal in production, plain functions in unit tests. */
export interface LifecycleEffects extends FollowUpEffects {
  activePolicy(): Promise<ActivePolicy>;
  project(delta: ProjectionDelta): Promise<void>;
  reservePoolSeat(req: SeatRequest): Promise<SeatResult>;
  notify(notification: TaskNotification | ProblemNotification): Promise<void>;
  /** Temporal's patched(): true for new code paths, false when replaying histories made before. */
  patched(id: string): boolean;
  stageChanged(stage: Stage): void;
  now(): Date;
  newId(): string;
}

/**
 * Patch id: a quarterly review's note on a problem (台账问题进展) enters that problem's progress, as
 * ledger work does; before, only its status was kept and the note stayed in the review's data.
 * Asked only by a review that has such a note (a run without one records no marker), in the
 * Update's own activation: the completion carries the policy, so no local activity runs before it
 * and the question cannot replay in another workflow task (docs/design.md, "Versioning").
 */
export const REVIEW_PROGRESS_PATCH = 'review-notes-in-problem-progress';

/**
 * Patch id: a due of whole calendar days ends with the N-th Shanghai day after creation instead of
 * N×24 hours after it (docs/design.md, "Deadlines"). Asked once per run in open(), like
 * DEADLINE_TIMER_PATCH: tasks open in many activations (completions, ticks, timers' default
 * outcomes, 加签), several after a local activity, where a mid-run question could replay in another
 * workflow task. Runs recorded before it keep counting to the minute until they continue as new.
 */
export const CALENDAR_DAYS_PATCH = 'calendar-days-end-with-the-day';

/**
 * Patch id: a calendar-day period whose last day is a rest day (a weekend or a public holiday on
 * the working-day calendar) ends with the first working day after it (民法典第二百零三条); its
 * reminder and escalation come at 09:00 of a working day; the ANNUAL_UPDATE ends with its `dueOn`
 * day like the others, not at 18:00 (docs/design.md, "Deadlines"). Implies CALENDAR_DAYS_PATCH and
 * is asked before it, once per run in open(): a new run records this marker only, a run recorded
 * with the older one alone replays as it counted.
 */
export const CALENDAR_DAYS_ROLL_PATCH = 'calendar-days-roll-past-rest-days';

/**
 * Patch id: a whistle answered "resolved" (部门报到, 问题已解决) opens the close request a 申请销号
 * opens, the reply as its summary, so the coordinators' PROBLEM_CLOSE decides the 销号; before, the
 * answer closed the problem out at once. Asked only by such an answer, in the Update's own
 * activation like REVIEW_PROGRESS_PATCH (test/histories/whistle-resolved-v1.json: one before it).
 */
export const WHISTLE_CLOSE_REVIEW_PATCH = 'whistle-resolved-close-review';

/**
 * Patch id: a whistle answered "not resolved" (部门报到, 问题已解决=否) on a problem whose close request
 * awaits the coordinators withdraws that request with its reason: the PROBLEM_CLOSE closes with the
 * outcome CLOSE_WITHDRAWN_OUTCOME and the reply (the projection then tells the requester and the
 * coordinators); before, the task was cancelled without a word. Asked only by such an answer, in
 * the Update's own activation like WHISTLE_CLOSE_REVIEW_PATCH (test/histories/whistle-unresolved-v1.json:
 * one before it). The problem goes back in progress either way, as it always did.
 */
export const WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH = 'whistle-unresolved-withdraws-close';

/**
 * Patch id: a whistle on a new problem (企业吹哨 without a ledger problem) puts it in the ledger due
 * the policy's whistleProblemMonths after the whistle's Shanghai day (whistledProblemDueOn); before,
 * it was due that very UTC day, so overdue before the department could answer. Asked only by such a
 * whistle, before the Update's first await (the policy's local activity), so its answer cannot move
 * to another workflow task (test/histories/whistle-new-problem-before-due.json: one before it).
 */
export const WHISTLE_NEW_PROBLEM_DUE_PATCH = 'whistle-new-problem-due';

/**
 * Patch id: a resolved problem's 一企一策 / 一事一议 is refused (422 PROBLEM_RESOLVED) like the rest
 * of its work; before, the coordinators' handling was accepted on it. The Update's validator applies
 * the rule as it is now (a refused Update never enters history, and a replay runs no validator);
 * the handler checks again and asks this for every handling Update, before its first await, so the
 * answer stays in the Update's own activation (test/histories/resolved-handling-before-patch.json:
 * one before it, a decision set on a resolved problem).
 */
export const RESOLVED_HANDLING_PATCH = 'resolved-problem-no-handling';

/**
 * Patch id: a run carries the ids of the tasks it cancelled (the last CARRIED_CANCELLED of them)
 * to the run it continues as, as it carries the closed ones, so an Update there on a task that
 * lost its race (the API read it open just before) is refused as cancelled (taskClosedRefusal),
 * not as done. Asked in carryOver(), in the activation that ends the run, right before its
 * continue-as-new command: the marker goes with it, and a run that never continues records none
 * (asked in open(), every new run's first workflow task carried one marker more, and a rejected
 * Update's workflow task was no longer dropped: bad-input.test, history-events.test).
 */
export const CARRY_CANCELLED_PATCH = 'carry-cancelled-task-ids';

/**
 * How many cancelled task ids a run carries on: the refusal they give is for the moments after a
 * cancellation, before the read model (which the API reads first) has it; older ones are refused
 * by the API as cancelled, and by the workflow as closed.
 */
export const CARRIED_CANCELLED = 32;

/** Patch id: admission reserves a seat in the pool (capacity check) before the transition. */
export const POOL_SEAT_PATCH = 'pool-seat-reservation';

/**
 * Patch id: a completion, a quarter tick or a nomination (issue 21.4) that carries the active policy
 * uses it instead of reading it in a local activity (issue 9: one activation and one query less per
 * transition).
 */
export const CARRIED_POLICY_PATCH = 'policy-carried-by-caller';

/**
 * Patch id: 催办 and 抄送 (issue 17), Updates that earlier code did not have. Their handlers mark
 * the histories that use them, so a later change of what they do can tell those histories apart.
 */
export const URGE_AND_CC_PATCH = 'approval-actions-urge-cc';

/** Production lifecycles continue as new at least this often, whatever Temporal suggests. */
export const DEFAULT_QUARTERS_PER_RUN = 8;

type OpenTask = TaskView & { completing: boolean };

/** An actor scope that runs no action (xstate's `createInertActorScope`, which it does not export). */
function inertScope(): AnyActorScope {
  // As xstate builds it: no input (the machine's own initial snapshot is not used).
  const self = createActor(lifecycleMachine as AnyActorLogic);
  return {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: () => undefined,
  };
}

/**
 * One enterprise's lifecycle: drives the statechart, keeps its open tasks and projects every
 * transition into the read model, in order. Everything that mutates state runs synchronously
 * between awaits, so concurrent updates see either the state before or after a transition.
 */
export class Lifecycle {
  private snapshot: SnapshotFrom<typeof lifecycleMachine> | null = null;
  private readonly tasks = new Map<string, OpenTask>();
  private readonly closedTaskIds: Set<string>;
  /**
   * The tasks this run cancelled, and one a 退回 is closing (cancelled once done): only validators
   * and refusals read it, to answer an action that lost the race as the read model will a moment
   * later (taskClosedRefusal). The last CARRIED_CANCELLED go to a continued run (CARRY_CANCELLED_PATCH).
   */
  private readonly cancelledTaskIds: Set<string>;
  private transitions: number;
  private quartersThisRun = 0;
  private projection: Promise<void> = Promise.resolve();
  /** The context as the last transition projected it: the next delta says what changed since. */
  private projected: LifecycleContext | null = null;
  private readonly followUps: FollowUps;
  private readonly problemDeadlines: ProblemDeadlines;
  /** The one deadline timer of runs made with DEADLINE_TIMER_PATCH (decided in open()). */
  private readonly deadlines: DeadlineTimer;
  private oneTimer = false;
  /** How this run counts a due of whole calendar days (CALENDAR_DAYS_*_PATCH, decided in open()). */
  private calendarDays: CalendarDayRule = 'exact';
  /** 退回, 撤回, 加签 (issue 17): what they need of the lifecycle is in approval-actions.ts. */
  private readonly actions: ApprovalActions;
  /** The completions that may still be withdrawn (撤回). */
  private readonly undos = new UndoRecords();
  /** The actor scope of this lifecycle's statechart (see transition()); made when first needed. */
  private scope: AnyActorScope | null = null;

  constructor(
    private readonly input: LifecycleInput,
    private readonly fx: LifecycleEffects,
  ) {
    const carried = input.carried;
    this.transitions = carried?.transitions ?? 0;
    this.closedTaskIds = new Set(carried?.closedTaskIds ?? []);
    this.cancelledTaskIds = new Set(carried?.cancelledTaskIds ?? []);
    this.followUps = new FollowUps(
      fx,
      (id) => this.tasks.get(id),
      (task, kind) => this.followUp(task, kind),
    );
    this.problemDeadlines = new ProblemDeadlines(
      fx,
      () => this.followedProblems(),
      (problem, kind) => this.problemOverdue(problem, kind),
    );
    this.deadlines = new DeadlineTimer(fx, () => this.dueSteps());
    this.actions = new ApprovalActions(carried?.completers ?? {});
    if (carried) {
      this.snapshot = lifecycleMachine.resolveState({
        value: carried.stateValue as any,
        context: { ...carried.context, whistles: carried.context.whistles ?? [] },
      });
      for (const task of carried.tasks) this.tasks.set(task.id, { ...task, completing: false });
      this.projected = this.context; // the previous run projected every transition it made
    }
  }

  /**
   * The machine's next snapshot for an event, computed without running its actions, as xstate's
   * pure `transition()` does. That function builds a throwaway actor on every call, and an actor
   * computes the machine's initial snapshot when built: every transition entered the statechart
   * from scratch once more, for nothing (issue 21: a third of applyCompletion's samples in a CPU
   * profile of the bench's throughput phase). The same inert scope, made once per lifecycle, gives
   * the same snapshots: the machine invokes and spawns nothing, and its actions are dropped as
   * before. Pure computation: commands and history are unchanged (test/replay).
   */
  private transition(event: LifecycleEvent): SnapshotFrom<typeof lifecycleMachine> {
    return lifecycleMachine.transition(this.snapshot!, event, this.actorScope());
  }

  private actorScope(): AnyActorScope {
    return (this.scope ??= inertScope());
  }

  get creditCode(): string {
    return this.input.nomination.creditCode;
  }

  private get context(): LifecycleContext {
    return this.snapshot!.context;
  }

  get stage(): Stage {
    return this.snapshot ? stageOf(this.snapshot.value) : 'screening';
  }

  /** First run: screen the nomination against the active policy and open the first task. */
  async open(): Promise<void> {
    // Once per run, before anything else: a run replayed from before the patch keeps its per-task
    // timers to its end (patched() is false while replaying it), a new run has the one timer.
    this.oneTimer = this.fx.patched(DEADLINE_TIMER_PATCH);
    this.calendarDays = this.fx.patched(CALENDAR_DAYS_ROLL_PATCH)
      ? 'day-end-rolled'
      : this.fx.patched(CALENDAR_DAYS_PATCH)
        ? 'day-end'
        : 'exact';
    if (this.snapshot) {
      // A continued run: the carried tasks' timers start again where they were.
      for (const id of this.tasks.keys()) this.watch(id);
      this.syncDeadlines();
      return;
    }

    const policy = await this.policyFrom(this.input.policy);
    const { nomination, nominatedBy, lifecycleNo } = this.input;
    // As xstate's initialTransition(), in the lifecycle's scope (transition()) instead of another.
    this.snapshot = lifecycleMachine.getInitialSnapshot(this.actorScope(), {
      context: {
        creditCode: nomination.creditCode,
        lifecycleNo,
        nomination,
        nominatedBy: nominatedBy.username,
        nominatorGroups: this.input.nominatorGroups,
        screening: evaluateScreening(nomination, policy.thresholds, policy.version),
      },
    });
    await this.commit(this.reconcile(policy, this.fx.now(), null));
  }

  isFinal(): boolean {
    return this.snapshot?.status === 'done';
  }

  shouldContinueAsNew(suggested: boolean): boolean {
    if (this.isFinal() || !this.snapshot) return false;
    const limit = this.input.continueAsNewAfterQuarters ?? DEFAULT_QUARTERS_PER_RUN;
    return suggested || this.quartersThisRun >= limit;
  }

  // ---- completing a task ------------------------------------------------------------------

  /** The Update validator: nothing here changes state; a refusal never enters history. */
  validateCompletion(req: CompleteTaskRequest): void {
    const task = this.openTask(req.taskId);
    // 委托代理: a proxy does the task as the principal may (the API found the proxy active).
    const refusal =
      taskRefusal(req.onBehalfOf ?? req.actor, task, 'complete') ??
      countersignPendingRefusal(task.countersigns);
    if (refusal) throw refusal;
    const ctx = this.context;
    validateSubmission(task.type, req, {
      screening: ctx.screening,
      problemIds: ctx.problems.map((p) => p.id),
      closingProblemIds: ctx.problems.filter((p) => p.status === 'closing').map((p) => p.id),
      reportedQuarters: ctx.quarterlyReports.map((r) => r.quarter),
      // A validator that only refuses more (a report of another quarter than the task's): no patch.
      taskQuarter: task.type === 'QUARTERLY_REPORT' ? task.quarter : null,
      today: this.today(),
      whistledProblem: task.type === 'WHISTLE_RESPONSE' ? this.whistledProblem(task) : undefined,
      // Only the validator reads them, and Temporal runs no validator on replay: no patch needed.
      clusters: req.clusters && new Set(req.clusters),
    });
    if (task.type === 'SUPPLEMENT') applyCorrections(ctx.nomination, (req.data.corrections ?? {}) as any);
  }

  async complete(req: CompleteTaskRequest): Promise<CompleteTaskResult> {
    const task = this.tasks.get(req.taskId)!;
    task.completing = true; // from here on, a concurrent completion of this task is refused
    // 委托代理: the step is the principal's, so a 退回 reopens it for them (asked before any await).
    const doer =
      req.onBehalfOf && isReturnTarget(task.type) && this.fx.patched(PROXY_RETURN_PATCH)
        ? req.onBehalfOf.username
        : req.actor.username;
    let policy: ActivePolicy;
    try {
      policy = await this.policyFrom(req.policy);
      await this.beforeTransition(task, req, policy);
    } catch (e) {
      task.completing = false;
      throw e;
    }
    if (this.tasks.get(req.taskId) !== task) {
      // A concurrent transition left the task's state while the policy was read (e.g. the district
      // opposed while the enterprise confirmed): the task is cancelled, not completed.
      throw taskClosedRefusal('cancelled');
    }
    return this.applyCompletion(task, req, policy, doer);
  }

  /**
   * The transition of a completed task, its next tasks and the projection; synchronous until commit.
   * `doer` is whom the step counts as done by (a 退回 reopens it for them).
   */
  private async applyCompletion(
    task: OpenTask,
    req: CompleteTaskRequest,
    policy: ActivePolicy,
    doer = req.actor.username,
  ): Promise<CompleteTaskResult> {
    const at = this.fx.now();
    const before = { stateValue: this.snapshot!.value, context: this.context };
    const event = this.taskEvent(task, req, at, policy);
    this.snapshot = this.transition(event);
    const answered = this.actions.answer(task, req, at, (id) => this.tasks.get(id));
    const withdrawn = event.withdrawClose ? this.closeReviewOf(event.problemOfWhistle!) : undefined;
    const delta = this.reconcile(policy, at, { task, req });
    if (answered) delta.countersigned = [answered];
    const closedReview = withdrawn && delta.closed.find((c) => c.id === withdrawn.id);
    if (closedReview)
      Object.assign(closedReview, {
        outcome: CLOSE_WITHDRAWN_OUTCOME,
        data: closeWithdrawnData(String(req.data.response)),
      });
    const result: CompleteTaskResult = { stage: this.stage, nextTasks: delta.opened };
    delta.closed[0].result = result;
    const lastDoer = this.actions.completed(task.type, doer);
    const after = { stateValue: this.snapshot!.value, context: this.context };
    await this.commit(delta, this.actions.undoOf(task, req, before, after, delta, lastDoer));
    return result;
  }

  /**
   * The policy's outcome for a task nobody did in time (a silent district counts as support):
   * completed by the system, and its data says it was a default.
   */
  private async completeByDefault(task: OpenTask): Promise<void> {
    task.completing = true;
    const policy = await this.fx.activePolicy();
    if (this.tasks.get(task.id) !== task) return;
    await this.applyCompletion(
      task,
      {
        taskId: task.id,
        outcome: task.onDue!,
        data: { opinion: '区县未在办理时限内反馈，按政策视为同意。', defaulted: true },
        actor: SYSTEM_ACTOR,
      },
      policy,
    );
  }

  /** Side effects that must succeed before the transition may happen. */
  private async beforeTransition(
    task: OpenTask,
    req: CompleteTaskRequest,
    policy: ActivePolicy,
  ): Promise<void> {
    // Lifecycles admitted before this patch took no seat; replaying them must not ask for one.
    if (task.type === 'ADMIT' && req.outcome === 'admit' && this.fx.patched(POOL_SEAT_PATCH)) {
      const seat = await this.fx.reservePoolSeat({
        creditCode: this.creditCode,
        lifecycleNo: this.input.lifecycleNo,
        capacity: policy.poolCapacity,
        fromDate: shanghaiDate(this.fx.now()),
      });
      if (!seat.reserved) throw poolFull(seat.members, seat.capacity);
    }
  }

  private taskEvent(task: OpenTask, req: CompleteTaskRequest, at: Date, policy: ActivePolicy): TaskEvent {
    const event: TaskEvent = {
      type: `${task.type}.${req.outcome}`,
      taskId: task.id,
      data: req.data,
      actor: req.actor,
      at: at.toISOString(),
    };
    if (task.type === 'SUPPLEMENT') {
      const corrected = applyCorrections(this.context.nomination, (req.data.corrections ?? {}) as any);
      event.screening = evaluateScreening(corrected, policy.thresholds, policy.version);
    }
    if (task.type === 'DIAGNOSE') {
      event.ids = ((req.data.problems as unknown[]) ?? []).map(() => this.fx.newId());
    }
    const notes = ((req.data.problemUpdates as { note?: string }[] | undefined) ?? []).some((u) => u.note);
    if (task.type === 'QUARTERLY_REVIEW' && notes)
      event.reviewProgress = this.fx.patched(REVIEW_PROGRESS_PATCH);
    if (task.type === 'WHISTLE_RESPONSE' && req.data.resolved === true)
      event.closeReview = this.fx.patched(WHISTLE_CLOSE_REVIEW_PATCH);
    if (task.type === 'WHISTLE_RESPONSE' && req.data.resolved !== true) {
      const problemId = this.whistledProblemId(task);
      if (problemId && this.closeReviewOf(problemId)) {
        event.problemOfWhistle = problemId;
        event.withdrawClose = this.fx.patched(WHISTLE_UNRESOLVED_WITHDRAWS_CLOSE_PATCH);
      }
    }
    event.whistleId = whistleIdOf(task.key);
    event.problemId = problemIdOf(task.key);
    if (task.type === 'ANNUAL_UPDATE') {
      event.taskYear = annualYearOf(task.key);
      event.evaluation = evaluateSubmission(this.context, event.taskYear!, req.data, policy);
    }
    return event;
  }

  // ---- 企业吹哨·部门报到 ---------------------------------------------------------------------

  /** The open PROBLEM_CLOSE of a problem, while its close request awaits the coordinators. */
  private closeReviewOf(problemId: string): OpenTask | undefined {
    const key = problemCloseKey(problemId);
    return [...this.tasks.values()].find((task) => task.key === key);
  }

  /** The ledger problem a WHISTLE_RESPONSE answers. */
  private whistledProblemId(task: OpenTask): string | undefined {
    return this.context.whistles.find((w) => w.id === whistleIdOf(task.key))?.problemId;
  }

  private whistledProblem(task: OpenTask): Problem | undefined {
    const problemId = this.whistledProblemId(task);
    return this.context.problems.find((p) => p.id === problemId);
  }

  validateWhistle(req: WhistleRequest): void {
    if (!this.snapshot)
      throw new NotFound('LIFECYCLE_NOT_OPEN', t('流程尚未开始', 'the lifecycle has not started'));
    if (!isCandidate(req.actor, [`enterprise_user:enterprise:${this.creditCode}`])) {
      throw new Forbidden(
        'NOT_THE_ENTERPRISE',
        t('只有本企业用户可以吹哨', 'only the enterprise’s users may blow the whistle'),
      );
    }
    const { actor: _actor, ...fields } = req;
    assertValid(WHISTLE_FIELDS, fields);
    if (!WHISTLE_STAGES.includes(this.stage) || !this.context.admission) {
      throw new RuleViolation(
        'NOT_A_MEMBER',
        t('只有在库企业可以吹哨', 'only pool members may blow the whistle'),
      );
    }
    if (req.problemId && !this.context.problems.some((p) => p.id === req.problemId)) {
      throw new RuleViolation('UNKNOWN_PROBLEM', t('台账中没有该问题', 'unknown ledger problem'), [
        { field: 'problemId', text: t('不是本企业台账中的问题', 'not a problem of this enterprise') },
      ]);
    }
    const problem = req.problemId && this.context.problems.find((p) => p.id === req.problemId);
    const open = this.context.whistles.some((w) => w.problemId === req.problemId && w.status === 'open');
    const refusal = problem && whistleOnProblemRefusal({ ...problem, whistleStatus: open ? 'open' : null });
    if (refusal) throw refusal;
  }

  async blowWhistle(req: WhistleRequest): Promise<WhistleResult> {
    const dueAhead = !req.problemId && this.fx.patched(WHISTLE_NEW_PROBLEM_DUE_PATCH);
    const policy = await this.fx.activePolicy();
    const at = this.fx.now();
    const id = this.fx.newId();
    const problemId = req.problemId ?? this.fx.newId();
    this.snapshot = this.transition({
      type: 'WHISTLE',
      id,
      problemId,
      newProblem: !req.problemId,
      title: req.title,
      description: req.description,
      actor: req.actor,
      at: at.toISOString(),
      ...(dueAhead ? { dueAt: whistledProblemDueOn(at, whistleProblemMonths(policy)) } : {}),
    });
    const delta = { ...this.reconcile(policy, at, null), actor: req.actor.username };
    await this.commit(delta);
    return { whistleId: id, problemId, task: delta.opened[0] };
  }

  // ---- ledger work (issue 19) -------------------------------------------------------------

  /**
   * Progress, 申请销号, 延期, 一企一策: the problem exists, the fields fit, the actor may (400/403/404/409/422).
   * `resolvedHandling`: a handling Update of a run recorded before RESOLVED_HANDLING_PATCH, which
   * set a resolved problem's handling as it replays.
   */
  validateProblemWork(req: ProblemWorkRequest, resolvedHandling = false): void {
    if (!this.snapshot)
      throw new NotFound('LIFECYCLE_NOT_OPEN', t('流程尚未开始', 'the lifecycle has not started'));
    const problem = this.context.problems.find((p) => p.id === req.work.problemId);
    if (!problem) throw new NotFound('PROBLEM_NOT_FOUND', t('问题不存在', 'no such problem'));
    assertValid(PROBLEM_WORK_FIELDS[req.work.kind] ?? [], req.work.fields);
    const refusal = problemWorkRefusal(
      req.actor,
      req.work,
      problem,
      candidateFactsOf(this.context),
      this.today(),
    );
    if (refusal && !(resolvedHandling && refusal.code === 'PROBLEM_RESOLVED')) throw refusal;
  }

  async workProblem(req: ProblemWorkRequest): Promise<ProblemWorkResult> {
    const resolvedHandling = req.work.kind === 'handling' && !this.fx.patched(RESOLVED_HANDLING_PATCH);
    const policy = await this.policyFrom(req.policy);
    // Another Update may have moved the problem while the policy was read: check again.
    this.validateProblemWork(req, resolvedHandling);
    const at = this.fx.now();
    this.snapshot = this.transition({
      type: 'PROBLEM_WORK',
      work: req.work,
      actor: req.actor,
      at: at.toISOString(),
    });
    const delta: ProjectionDelta = {
      ...this.reconcile(policy, at, null),
      actor: req.actor.username,
      cause: `problem_${req.work.kind}`,
    };
    await this.commit(delta);
    const problem = this.context.problems.find((p) => p.id === req.work.problemId)!;
    return { problem, task: delta.opened[0] ?? null };
  }

  /** Past due: the owners are reminded, later the coordinators told and the problem escalated. */
  private async problemOverdue(problem: Problem, kind: ProblemFollowUpKind): Promise<void> {
    const at = this.fx.now().toISOString();
    this.snapshot = this.transition({
      type: 'PROBLEM_OVERDUE',
      problemId: problem.id,
      kind,
      dueAt: problem.dueAt,
      at,
    });
    await this.fx.notify({
      id: `problem:${problem.id}:${problem.dueAt}:${kind}`,
      kind,
      problemId: problem.id,
      problemTitle: problem.title,
      creditCode: this.creditCode,
      enterpriseName: this.context.nomination.name,
      dueAt: problem.dueAt,
      audienceGroups:
        kind === 'reminder'
          ? problemWorkerGroups(problem, candidateFactsOf(this.context))
          : ['city_coordinator'],
      at,
    });
    await this.commit({ ...this.deltaBase(new Date(at)), cause: `problem_${kind}` });
  }

  // ---- claim, unclaim, delegate -------------------------------------------------------------

  /** Claim, unclaim, delegate: the rule of libs/domain/src/task-permissions.ts, on the open task. */
  validateAssignment(req: AssignTaskRequest): void {
    const task = this.openTask(req.taskId);
    // 委托代理: a proxy hands the principal's task on as the principal may.
    const refusal =
      taskRefusal(actingFor(req.actor, req.onBehalfOf), task, req.kind) ??
      (req.kind === 'delegate' ? delegateRefusal(req.to, task) : null);
    if (refusal) throw refusal;
  }

  async assign(req: AssignTaskRequest): Promise<AssignTaskResult> {
    const proxy = this.proxyOf(req);
    const task = this.tasks.get(req.taskId)!;
    task.assignee =
      req.kind === 'claim' ? req.actor.username : req.kind === 'delegate' ? req.to!.username : null;
    await this.commit({
      ...this.deltaBase(this.fx.now()),
      assigned: [{ id: task.id, assignee: task.assignee, reason: req.reason ?? null }],
      actor: req.actor.username,
      ...proxy,
    });
    return { taskId: task.id, assignee: task.assignee };
  }

  // ---- the yearly cycle: 动态管理 and the working-day calendar (issue 19) --------------------

  /** Opens the year's ANNUAL_UPDATE for a member; idempotent per year (annual-review.ts). */
  async openAnnualReview(req: OpenAnnualReviewRequest): Promise<OpenAnnualReviewResult> {
    if (!this.snapshot || !this.fx.patched(ANNUAL_REVIEW_PATCH)) return { opened: false, taskId: null };
    const key = annualKey(req.year);
    const existing = [...this.tasks.values()].find((task) => task.key === key);
    const at = this.fx.now();
    const event: LifecycleEvent = { type: 'ANNUAL_REVIEW_OPEN', year: req.year, at: at.toISOString() };
    if (!this.snapshot.can(event)) return { opened: false, taskId: existing?.id ?? null };
    this.snapshot = this.transition(event);
    const delta = this.reconcile(req.policy, at, null);
    await this.commit(delta);
    return { opened: true, taskId: delta.opened.find((task) => task.key === key)?.id ?? null };
  }

  /**
   * A calendar year was entered: the open tasks whose deadlines were provisional are computed
   * again from their creation with the SLA of their own policy version, and their timers restart.
   */
  async recomputeDeadlines(req: RecomputeDeadlinesRequest): Promise<RecomputeDeadlinesResult> {
    if (!this.snapshot || !this.fx.patched(PROVISIONAL_DEADLINES_PATCH)) {
      return { recomputed: 0, stillProvisional: 0 };
    }
    const rescheduled = recomputeProvisional([...this.tasks.values()], req, this.calendarDays);
    for (const r of rescheduled) {
      const task = this.tasks.get(r.id)!;
      Object.assign(task, r);
      if (!this.oneTimer) this.followUps.cancel(task.id);
      this.watch(task.id);
    }
    if (rescheduled.length) await this.commit({ ...this.deltaBase(this.fx.now()), rescheduled });
    return {
      recomputed: rescheduled.length,
      stillProvisional: rescheduled.filter((r) => r.provisional).length,
    };
  }

  // ---- 催办 and 抄送 (issue 17.3, 17.5) ---------------------------------------------------------

  /** 催办: anyone but the assignee, once per 4 working hours per person (libs/domain approval-actions). */
  validateUrge(req: UrgeTaskRequest): void {
    const refusal = urgeRefusal(req.actor, this.openTask(req.taskId), this.fx.now(), req.calendar);
    if (refusal) throw refusal;
  }

  /** Tells whoever can act (the assignee, else the candidates), as a reminder does, and records it. */
  async urge(req: UrgeTaskRequest): Promise<UrgeTaskResult> {
    this.fx.patched(URGE_AND_CC_PATCH);
    const task = this.tasks.get(req.taskId)!;
    const at = this.fx.now().toISOString();
    // Recorded before the first await, so a second urge's validator sees it.
    task.urges = [...(task.urges ?? []), { by: req.actor.username, at }];
    const audienceGroups = task.assignee ? [`user:${task.assignee}`] : task.candidateGroups;
    const by = req.actor.displayName ?? req.actor.username;
    await this.fx.notify({
      ...this.noticeOf(task, 'urge', at, audienceGroups),
      id: `${task.id}:urge:${req.actor.username}:${at}`,
      data: { text: urgeText(task.type, this.context.nomination.name, by, req.message) },
    });
    await this.commit({
      ...this.deltaBase(new Date(at)),
      urged: [{ id: task.id, by: req.actor.username, at, message: req.message ?? null }],
      actor: req.actor.username,
    });
    return { taskId: task.id, audienceGroups, at };
  }

  /**
   * 抄送: whoever may do the task copies it (the API checked the users may see the enterprise), to
   * nobody it was copied to already. Two copies at once naming the same person need no second check
   * in the handler: it records the copy before its first await, so the later validator sees it.
   * Only the validator refuses a repeat: Temporal runs none on replay, where a repeat recorded
   * before this rule sends its notice again as it did (no patch).
   */
  validateCc(req: CcTaskRequest): void {
    const task = this.openTask(req.taskId);
    const refusal =
      ccRefusal(req.actor, task, req.onBehalfOf) ?? copiedAgainRefusal(task.copiedTo, req.users);
    if (refusal) throw refusal;
  }

  async cc(req: CcTaskRequest): Promise<CcTaskResult> {
    this.fx.patched(URGE_AND_CC_PATCH);
    const proxy = this.proxyOf(req);
    const task = this.tasks.get(req.taskId)!;
    const at = this.fx.now().toISOString();
    const users = [...new Set(req.users)];
    task.copiedTo = [...new Set([...(task.copiedTo ?? []), ...users])];
    const by = this.byline(req.actor, proxy.onBehalfOf ? req.onBehalfOf : undefined);
    await this.fx.notify({
      ...this.noticeOf(
        task,
        'cc',
        at,
        users.map((u) => `user:${u}`),
      ),
      id: `${task.id}:cc:${req.actor.username}:${at}`,
      data: { text: ccText(task.type, this.context.nomination.name, by, req.note) },
    });
    await this.commit({
      ...this.deltaBase(new Date(at)),
      copied: [{ id: task.id, users, by: req.actor.username, at, note: req.note ?? null }],
      actor: req.actor.username,
      ...proxy,
    });
    return { taskId: task.id, users, at };
  }

  // ---- 退回, 撤回, 加签 (issue 17; the rules in libs/domain/src/approval-actions) ------------------

  /** 退回: the open step goes back to the one before (STEP_ACTIONS[type].return). */
  validateReturn(req: ReturnTaskRequest): void {
    const task = this.openTask(req.taskId);
    // 委托代理: a proxy sends the step back as the principal may, as it completes it.
    const refusal = returnRefusal(req.onBehalfOf ?? req.actor, task, req.reason);
    if (refusal) throw refusal;
  }

  /**
   * The statechart's RETURN goes to the step before; its task opens for whoever did that step last,
   * with the reason. The returned task closes as cancelled, its outcome `returned`.
   */
  async returnTask(req: ReturnTaskRequest): Promise<CompleteTaskResult> {
    this.approvalActionsPatched();
    const task = this.tasks.get(req.taskId)!;
    // A concurrent completion of the task is refused meanwhile, as of a task cancelled.
    task.completing = true;
    this.cancelledTaskIds.add(task.id);
    let policy: ActivePolicy;
    try {
      policy = await this.policyFrom(req.policy);
    } catch (e) {
      task.completing = false;
      this.cancelledTaskIds.delete(task.id);
      throw e;
    }
    if (this.tasks.get(req.taskId) !== task) throw taskClosedRefusal('cancelled');
    const at = this.fx.now();
    const target = STEP_ACTIONS[task.type].return!;
    this.snapshot = this.transition({
      type: 'RETURN',
      taskType: task.type,
      reason: req.reason,
      actor: req.actor,
      at: at.toISOString(),
    });
    const delta = this.reconcile(policy, at, null);
    const returned: Returned = {
      reason: req.reason,
      by: req.actor.username,
      at: at.toISOString(),
      fromTaskId: task.id,
      fromType: task.type,
    };
    const reopened = { returned, assignee: this.actions.completers[target] ?? null };
    for (const opened of delta.opened.filter((o) => o.type === target)) {
      Object.assign(opened, reopened);
      Object.assign(this.tasks.get(opened.id)!, reopened);
    }
    const self = delta.closed.find((c) => c.id === task.id);
    if (self)
      Object.assign(self, {
        outcome: 'returned',
        data: { reason: req.reason },
        completedBy: req.actor.username,
        ...(req.onBehalfOf ? { onBehalfOf: req.onBehalfOf.username } : {}),
      });
    delta.actor = req.actor.username;
    // 委托代理: the audit log names whom a proxy sent it back for (a local activity's input: no command).
    if (req.onBehalfOf) delta.onBehalfOf = req.onBehalfOf.username;
    delta.approvalAction = {
      kind: 'return',
      taskId: task.id,
      taskType: task.type,
      by: req.actor.username,
      ...(req.onBehalfOf ? { onBehalfOf: req.onBehalfOf.username } : {}),
      at: at.toISOString(),
      reason: req.reason,
    };
    await this.commit(delta);
    return { stage: this.stage, nextTasks: delta.opened };
  }

  /** 撤回: the refusal of libs/domain/src/approval-actions/withdraw.ts, on a completion kept to undo. */
  validateWithdrawal(req: WithdrawTaskRequest): void {
    if (!this.snapshot) throw new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));
    // Validators run live only (never on replay): the rule of the code now, the API checked who.
    this.withdrawableNow(req);
  }

  /**
   * The completion's undo record as the state stands now, or the refusal: an open task has nothing
   * to take back, also one that a 撤回 a moment before reopened (TASK_NOT_DONE, as the read model
   * will say, not WITHDRAW_TOO_LATE: nobody took the next step up).
   */
  private withdrawableNow(req: WithdrawTaskRequest): { undo: Undo; state: StateAt | null } {
    if (this.tasks.has(req.taskId)) throw withdrawNotDone();
    return this.withdrawable(req, this.undos.of(req.taskId, true));
  }

  /** The withdrawal's validator as a question (a query: nothing changes), for the task page. */
  withdrawalRefusal(req: WithdrawTaskRequest): WithdrawalRefusal | null {
    try {
      this.validateWithdrawal(req);
      return null;
    } catch (e) {
      if (e instanceof DomainError) return { code: e.code, message: e.text };
      throw e;
    }
  }

  /** The completion's undo record and the statechart without it, or the refusal. */
  private withdrawable(req: WithdrawTaskRequest, undo: Undo | null): { undo: Undo; state: StateAt | null } {
    if (!undo) throw withdrawTooLate();
    const state = this.undos.last === undo ? null : revertedState(undo, this.stateNow());
    const refusal = withdrawRefusal(
      req.actor,
      { type: undo.task.type, completedBy: undo.by },
      undo.opened.map((id) => {
        const opened = this.tasks.get(id);
        return {
          open: !!opened && !opened.completing,
          assignee: opened?.assignee ?? null,
          touched: req.commented.includes(id) || !!opened?.countersigns?.length || !!opened?.copiedTo?.length,
        };
      }),
      this.undos.last !== undo && !state,
    );
    if (refusal) throw refusal;
    return { undo, state };
  }

  /**
   * The completion's part of the statechart goes back to where it was, what happened since stays;
   * the tasks it opened are cancelled and the task is open again, claimed by the person who
   * withdrew, with their data. Runs from before WITHDRAW_SINCE_PATCH withdraw the last transition
   * only, and restore the statechart as it was before it.
   */
  async withdraw(req: WithdrawTaskRequest): Promise<WithdrawTaskResult> {
    this.approvalActionsPatched();
    const since = this.fx.patched(WITHDRAW_SINCE_PATCH);
    const undo = this.undos.of(req.taskId, since)!;
    // The step's last doer goes back too (asked before any await, only where it changes).
    const restoreDoer =
      !!undo && this.actions.doerToRestore(undo) && this.fx.patched(WITHDRAW_LAST_DOER_PATCH);
    const policy = await this.policyFrom(req.policy);
    if (!since && this.undos.last !== undo) throw withdrawTooLate();
    // Another Update may have come while the policy was read: the rule again, on the state now (a
    // second 撤回 of the task in the same activation passed its validator too). Only what it throws
    // differs from before, never what it records: no patch (replay of withdraw-twice-race.json).
    const state = (since && this.withdrawableNow(req).state) || undo;
    const at = this.fx.now();
    this.snapshot = lifecycleMachine.resolveState({ value: state.stateValue as any, context: state.context });
    this.undos.taken(undo.task.id);
    if (restoreDoer) this.actions.restoreDoer(undo);
    const task: OpenTask = {
      ...undo.task,
      assignee: req.actor.username,
      draft: undo.data,
      completing: false,
    };
    this.tasks.set(task.id, task);
    this.closedTaskIds.delete(task.id);
    this.watch(task.id);
    const delta = this.reconcile(policy, at, null);
    delta.reopened = [{ id: task.id, assignee: task.assignee, draft: undo.data }];
    delta.actor = req.actor.username;
    delta.approvalAction = {
      kind: 'withdraw',
      taskId: task.id,
      taskType: task.type,
      by: req.actor.username,
      at: at.toISOString(),
    };
    await this.commit(delta);
    const { completing: _, ...view } = task;
    return { stage: this.stage, task: view, cancelled: delta.closed.map((c) => c.id) };
  }

  /**
   * 加签: the assignee (or a candidate, who then holds it) names people to countersign; not on a task
   * whose ledger problem is closed out (PROBLEM_RESOLVED). That one is the validator's alone: Temporal
   * runs no validator on replay, and the handler's recheck (COUNTERSIGN_RECHECK_PATCH) keeps the
   * checks it had, so runs recorded before it replay as they ran.
   */
  validateCountersign(req: CountersignRequest): void {
    const task = this.openTask(req.taskId);
    const problemId = taskProblemId(task.key, this.context.whistles);
    const closed = countersignClosedProblemRefusal(
      this.context.problems.find((p) => p.id === problemId)?.status,
    );
    if (closed) throw closed;
    this.recheckCountersign(req);
  }

  /** What the 加签 handler checks again once it has read the policy (COUNTERSIGN_RECHECK_PATCH). */
  private recheckCountersign(req: CountersignRequest): void {
    const task = this.openTask(req.taskId);
    const refusal =
      countersignRefusal(
        req.actor,
        task,
        { users: req.users.map((u) => u.username), mode: req.mode, note: req.note },
        req.onBehalfOf,
      ) ??
      countersignersRefusal(req.users.filter((u) => !mayCountersign(u)).map((u) => u.username)) ??
      countersignAskedRefusal(
        task.countersigns,
        req.users.map((u) => u.username),
      );
    if (refusal) throw refusal;
  }

  async countersign(req: CountersignRequest): Promise<CountersignResult> {
    this.approvalActionsPatched();
    const recheck = this.fx.patched(COUNTERSIGN_RECHECK_PATCH);
    const proxy = this.proxyOf(req);
    const task = this.tasks.get(req.taskId)!;
    const policy = await this.policyFrom(req.policy);
    if (this.tasks.get(req.taskId) !== task || task.completing) throw this.closedRefusal(task.id);
    // Another 加签 (or a 转办) handled since this one's validator ran may have asked the same
    // person: checked again on the state as it is now, nothing opened yet (COUNTERSIGN_RECHECK_PATCH).
    if (recheck) this.recheckCountersign(req);
    const at = this.fx.now();
    const countersign: Countersign = {
      id: this.fx.newId(),
      requestedBy: req.actor.username,
      ...proxy,
      at: at.toISOString(),
      mode: req.mode,
      note: req.note,
      users: req.users.map((u) => u.username),
      answers: [],
    };
    task.countersigns = [...(task.countersigns ?? []), countersign];
    // Whoever asks holds the task; a proxy asks for the principal, whose task it stays.
    const holder = proxy.onBehalfOf ?? req.actor.username;
    const claimed = task.assignee !== holder;
    task.assignee = holder;
    const opened = this.actions.countersignTasks(task, countersign, req, policy, this.calendarDays, at, () =>
      this.fx.newId(),
    );
    for (const o of opened) {
      this.tasks.set(o.id, { ...o, completing: false });
      this.watch(o.id);
    }
    await this.commit({
      ...this.deltaBase(at),
      opened,
      assigned: claimed ? [{ id: task.id, assignee: task.assignee }] : [],
      countersigned: [{ id: task.id, countersigns: task.countersigns }],
      actor: req.actor.username,
      ...proxy,
      approvalAction: {
        kind: 'countersign',
        taskId: task.id,
        taskType: task.type,
        by: req.actor.username,
        ...proxy,
        at: at.toISOString(),
        reason: req.note,
        users: countersign.users,
        mode: req.mode,
      },
    });
    return { countersign, tasks: opened };
  }

  /**
   * 委托代理: the principal a proxy's 加签, 抄送 or 转办 is for, under PROXY_ACTIONS_PATCH (asked first
   * in the handler, and only when the Update names one: histories before it named none).
   */
  private proxyOf(req: { onBehalfOf?: Actor }): { onBehalfOf?: string } {
    return req.onBehalfOf && this.fx.patched(PROXY_ACTIONS_PATCH)
      ? { onBehalfOf: req.onBehalfOf.username }
      : {};
  }

  /** Who a notice says acted: 王五（代 张三） for a proxy. */
  private byline(actor: Actor, principal: Actor | undefined): string {
    const name = (a: Actor) => a.displayName ?? a.username;
    return onBehalfLabel(name(actor), principal ? name(principal) : null).zh;
  }

  /** Marks the history: lifecycles before this change had none of these Updates. */
  private approvalActionsPatched(): void {
    this.fx.patched(APPROVAL_ACTIONS_PATCH);
  }

  // ---- quarter ticks --------------------------------------------------------------------------

  /** 一季一调度: the schedule's dispatch ticks every member; a repeated quarter changes nothing. */
  async tick(tick: QuarterTick): Promise<void> {
    if (!this.snapshot) return;
    const event: LifecycleEvent = {
      type: 'QUARTER_TICK',
      quarter: tick.quarter,
      at: this.fx.now().toISOString(),
    };
    if (!this.snapshot.can(event)) return;
    const policy = await this.policyFrom(tick.policy);
    const before = this.context.quarter.lastTicked;
    this.snapshot = this.transition(event);
    if (this.context.quarter.lastTicked !== before) this.quartersThisRun++;
    await this.commit({ ...this.reconcile(policy, this.fx.now(), null), cause: 'quarter_tick' });
  }

  /**
   * The policy the caller carried, else the one a local activity reads. Histories made before the
   * patch carried none and read it: replaying them asks patched() nothing and reads it again.
   */
  private policyFrom(carried: ActivePolicy | undefined): Promise<ActivePolicy> {
    if (carried && this.fx.patched(CARRIED_POLICY_PATCH)) return Promise.resolve(carried);
    return this.fx.activePolicy();
  }

  // ---- reconciling tasks with the state -------------------------------------------------------

  /**
   * Opens a task for every task state that became active and closes those whose state was left:
   * the completed one as done, others (the sibling of a declined feedback) as cancelled.
   */
  private reconcile(
    policy: ActivePolicy,
    at: Date,
    completed: { task: OpenTask; req: CompleteTaskRequest } | null,
  ): ProjectionDelta {
    const specs = taskSpecsOf(this.snapshot!);
    const closed: ClosedTask[] = [];
    if (completed) {
      closed.push({
        id: completed.task.id,
        status: 'done',
        outcome: completed.req.outcome,
        data: completed.req.data,
        completedBy: completed.req.actor.username,
        onBehalfOf: completed.req.onBehalfOf?.username ?? null,
        completedAt: at.toISOString(),
        idempotencyKey: completed.req.idempotencyKey ?? null,
        result: null,
      });
      this.forget(completed.task.id);
    }
    const activeKeys = new Set(specs.map((s) => s.key));
    // Countersignatures after the tasks they answer: they last while that task is open and waits.
    const byKind = [...this.tasks.values()].sort((a, b) => +!!a.countersignOf - +!!b.countersignOf);
    for (const task of byKind) {
      if (activeKeys.has(task.key) || this.actions.stillAsked(task, (id) => this.tasks.get(id))) continue;
      closed.push({
        id: task.id,
        status: 'cancelled',
        outcome: null,
        data: null,
        completedBy: null,
        completedAt: at.toISOString(),
        idempotencyKey: null,
        result: null,
      });
      this.forget(task.id);
      this.cancelledTaskIds.add(task.id);
    }
    const openKeys = new Set([...this.tasks.values()].map((task) => task.key));
    const opened = specs.filter((s) => !openKeys.has(s.key)).map((s) => this.openTaskFor(s, policy, at));
    for (const task of opened) {
      this.tasks.set(task.id, { ...task, completing: false });
      this.watch(task.id);
    }
    return { ...this.deltaBase(at), opened, closed, actor: completed?.req.actor.username ?? null };
  }

  private openTaskFor(spec: TaskSpec, policy: ActivePolicy, at: Date): TaskView {
    const quarterly = spec.type === 'QUARTERLY_REPORT' || spec.type === 'QUARTERLY_REVIEW';
    const year = annualYearOf(spec.key);
    const deadlines =
      year !== undefined
        ? annualUpdateDeadlines(year, policy, at, this.calendarDays)
        : deadlinesFor(at, slaFor(policy, spec.type), policy.calendar ?? null, this.calendarDays);
    const details = taskDetailsOf(spec, this.context, at.toISOString());
    return {
      id: this.fx.newId(),
      key: spec.key,
      type: spec.type,
      stage: this.stage,
      candidateGroups: spec.groups ?? resolveCandidates(spec.candidates, candidateFactsOf(this.context)),
      assignee: null,
      createdAt: at.toISOString(),
      dueAt: deadlines.dueAt.toISOString(),
      remindAt: deadlines.remindAt.toISOString(),
      escalateAt: deadlines.escalateAt.toISOString(),
      remindedAt: null,
      escalatedAt: null,
      policyVersion: policy.version,
      quarter: quarterly ? this.context.quarter.current : null,
      // The policy decides at creation what a silent district's feedback becomes.
      onDue:
        spec.type === 'DISTRICT_FEEDBACK' && policy.districtFeedbackDefault === 'support' ? 'support' : null,
      // Only set when true or present, so the tasks of histories made before stay as they were.
      ...(deadlines.provisional ? { provisional: true } : {}),
      ...(details ? { details } : {}),
    };
  }

  private forget(taskId: string): void {
    this.tasks.delete(taskId);
    this.closedTaskIds.add(taskId);
    // The one deadline timer is not cancelled: a wake that finds nothing due re-arms.
    if (!this.oneTimer) this.followUps.cancel(taskId);
  }

  private watch(taskId: string): void {
    if (!this.oneTimer) this.followUps.watch(taskId);
  }

  private syncDeadlines(): void {
    if (this.oneTimer) this.deadlines.sync();
    else this.problemDeadlines.sync();
  }

  /** While a whistle on a problem waits for its answer, the whistle's own deadlines follow it up. */
  private followedProblems(): Problem[] {
    const ctx = this.snapshot?.context;
    const whistled = new Set(
      (ctx?.whistles ?? []).filter((w) => w.status === 'open').map((w) => w.problemId),
    );
    return (ctx?.problems ?? []).filter((p) => !whistled.has(p.id));
  }

  /** The next step of every open task and followed problem, for the one deadline timer. */
  private dueSteps(): DueStep[] {
    const steps: DueStep[] = [];
    for (const task of this.tasks.values()) {
      const next = this.followUps.nextStep(task);
      if (next) {
        steps.push({
          ...next,
          key: `${task.id}:${next.kind}`,
          act: () => this.followUps.actOn(task, next.kind),
        });
      }
    }
    for (const p of this.followedProblems()) {
      const next = pendingProblemFollowUps(p)[0];
      if (next) {
        steps.push({
          at: next.at.getTime(),
          key: `problem:${p.id}:${p.dueAt}:${next.kind}`,
          act: () => this.problemDeadlines.actOn(p, next.kind),
        });
      }
    }
    return steps;
  }

  // ---- reminders and escalations ------------------------------------------------------------

  /** Nothing is being sent: continue-as-new waits for this, so no follow-up is lost on the way. */
  quiet(): boolean {
    return this.followUps.idle && this.problemDeadlines.idle && this.deadlines.idle;
  }

  /**
   * A reminder goes to whoever can act (the assignee, else the candidates); an escalation to the
   * city coordinator, or to the leader for a whistle, whose problem is then marked escalated.
   */
  private async followUp(task: OpenTask, kind: FollowUpKind): Promise<void> {
    if (kind === 'default') return this.completeByDefault(task);
    const at = this.fx.now().toISOString();
    if (kind === 'reminder') task.remindedAt = at;
    else task.escalatedAt = at;
    const whistle = task.type === 'WHISTLE_RESPONSE';
    const audienceGroups =
      kind === 'reminder'
        ? task.assignee
          ? [`user:${task.assignee}`]
          : task.candidateGroups
        : [whistle ? 'leader' : 'city_coordinator'];
    await this.fx.notify({ ...this.noticeOf(task, kind, at, audienceGroups), id: `${task.id}:${kind}` });
    if (kind === 'escalation' && whistle) {
      const whistleId = whistleIdOf(task.key)!;
      this.snapshot = this.transition({
        type: 'WHISTLE_ESCALATED',
        whistleId,
        at,
      });
      await this.commit({ ...this.deltaBase(new Date(at)), cause: 'whistle_escalated' });
    }
  }

  private noticeOf(
    task: OpenTask,
    kind: TaskNotification['kind'],
    at: string,
    audienceGroups: string[],
  ): Omit<TaskNotification, 'id'> {
    return {
      kind,
      taskId: task.id,
      taskType: task.type,
      creditCode: this.creditCode,
      enterpriseName: this.context.nomination.name,
      dueAt: task.dueAt,
      audienceGroups,
      at,
    };
  }

  private deltaBase(at: Date): ProjectionDelta {
    const changes = projectionChanges(this.projected, this.context);
    this.projected = this.context;
    return {
      workflowId: lifecycleWorkflowId(this.creditCode),
      creditCode: this.creditCode,
      lifecycleNo: this.input.lifecycleNo,
      seq: ++this.transitions,
      stage: this.stage,
      stateValue: this.snapshot!.value,
      context: this.context,
      changes,
      opened: [],
      closed: [],
      assigned: [],
      at: at.toISOString(),
    };
  }

  /**
   * Projections are applied one after another, in transition order, and awaited by the caller.
   * Each commit keeps the completion's undo record and forgets those whose opened tasks moved.
   */
  private commit(delta: ProjectionDelta, undo: Undo | null = null): Promise<void> {
    this.undos.committed(undo, (id) => this.tasks.has(id));
    this.fx.stageChanged(delta.stage);
    this.syncDeadlines();
    const next = this.projection.then(() => this.fx.project(delta));
    this.projection = next;
    return next;
  }

  private openTask(taskId: string): OpenTask {
    const task = this.snapshot ? this.tasks.get(taskId) : undefined;
    if (task && !task.completing) return task;
    if (task || this.closedTaskIds.has(taskId)) throw this.closedRefusal(taskId);
    throw new NotFound('TASK_NOT_FOUND', t('任务不存在', 'no such task'));
  }

  /** A task closed, or being closed by another Update: how, as the read model will say it. */
  private closedRefusal(taskId: string): DomainError {
    return taskClosedRefusal(this.cancelledTaskIds.has(taskId) ? 'cancelled' : 'done');
  }

  private stateNow(): StateAt {
    return { stateValue: this.snapshot!.value, context: this.context };
  }

  private today(): string {
    return shanghaiDate(this.fx.now());
  }

  // ---- views --------------------------------------------------------------------------------

  view(): LifecycleView {
    return {
      creditCode: this.creditCode,
      lifecycleNo: this.input.lifecycleNo,
      stage: this.stage,
      stateValue: this.snapshot?.value ?? null,
      openTasks: [...this.tasks.values()].map(({ completing: _, ...task }) => task),
      transitions: this.transitions,
      context: this.snapshot?.context ?? null,
    };
  }

  carryOver(): CarriedState {
    return {
      stateValue: this.snapshot!.value,
      context: this.context,
      tasks: this.view().openTasks,
      transitions: this.transitions,
      runsBefore: (this.input.carried?.runsBefore ?? 0) + 1,
      closedTaskIds: [...this.closedTaskIds],
      ...(this.fx.patched(CARRY_CANCELLED_PATCH)
        ? { cancelledTaskIds: [...this.cancelledTaskIds].slice(-CARRIED_CANCELLED) }
        : {}),
      completers: this.actions.completers,
    };
  }

  result(): LifecycleResult {
    return { stage: this.stage, reason: this.context.closing?.reason ?? null };
  }
}
