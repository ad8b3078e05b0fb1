import {
  Client,
  UpdateDefinition,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import {
  AssignTaskRequest,
  AssignTaskResult,
  assignTaskUpdate,
  awaitOpenedUpdate,
  blowWhistleUpdate,
  CcTaskRequest,
  CcTaskResult,
  ccTaskUpdate,
  CompleteTaskRequest,
  CompleteTaskResult,
  completeTaskUpdate,
  CountersignRequest,
  CountersignResult,
  countersignUpdate,
  LIFECYCLE_WORKFLOW_TYPE,
  LifecycleInput,
  lifecycleStateQuery,
  LifecycleView,
  lifecycleWorkflowId,
  ProblemWorkRequest,
  ProblemWorkResult,
  QuarterTick,
  quarterTickSignal,
  ReturnTaskRequest,
  returnTaskUpdate,
  UrgeTaskRequest,
  UrgeTaskResult,
  urgeTaskUpdate,
  WhistleRequest,
  WhistleResult,
  WithdrawTaskRequest,
  WithdrawTaskResult,
  withdrawTaskUpdate,
  withdrawalRefusalQuery,
  WithdrawalRefusal,
  workProblemUpdate,
} from './lifecycle.contract';
import { protoMillis } from './proto-time';
import {
  OpenAnnualReviewRequest,
  OpenAnnualReviewResult,
  openAnnualReviewUpdate,
  RecomputeDeadlinesRequest,
  RecomputeDeadlinesResult,
  recomputeDeadlinesUpdate,
} from './yearly.contract';
import { CLUSTER, CREDIT_CODE, DISTRICT, STAGE } from './search-attributes';
import { withdrawnOutcomes } from './withdrawn-outcomes';

/**
 * How long a completion with an Update id waits for Temporal to take it before the workflow is
 * looked at: an Update to a workflow whose workflow task keeps failing is held by the server for
 * its long poll (~20 s) and sent again by the SDK before it is refused, 20–40 s in all.
 */
export const UPDATE_PATIENCE_MS = 10_000;
/**
 * A workflow task a worker started longer ago than this and has not answered: its worker is
 * stalled (starved of CPU, its activation running into WORKER_ACTIVATION_TIMEOUT_MS) and the task
 * will most likely fail and be retried (seen: attempt 1 started 8 s before, refused at 30 s).
 */
const STALLED_TASK_MS = 5_000;

/**
 * A completion not taken within UPDATE_PATIENCE_MS while the workflow's workflow task is failing
 * and being retried (attempt > 1: an activation timed out on a starved worker, or the worker died
 * holding it), or stalled in a worker (started over STALLED_TASK_MS ago). The Update (its id) may still be taken once a worker completes the task: the same
 * request, with the same id, is answered with its outcome, once. The API answers 503
 * WORKFLOW_TASK_RETRYING, as when Temporal refuses the Update outright.
 */
export class WorkflowTaskFailingError extends Error {
  constructor(
    readonly workflowId: string,
    readonly attempt: number,
    options?: { cause?: unknown },
  ) {
    super(`workflow task of ${workflowId} is failing (attempt ${attempt})`, options);
    this.name = 'WorkflowTaskFailingError';
  }
}

/** One run of the workflow `enterprise/<credit code>`, its events in order. */
export interface LifecycleRun {
  runId: string;
  events: temporal.api.history.v1.IHistoryEvent[];
}

/**
 * The one place that talks to enterprise lifecycles for the API, the seed and the activities: it
 * names the workflow (its id, type and search attributes) and sends the contract's Updates,
 * queries and signals. Errors are Temporal's; `domainErrorFrom` turns refusals into domain errors.
 */
export class LifecycleClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /**
   * Starts lifecycle n of the enterprise and answers once its first task is in the inbox (the
   * nomination's read-your-writes); null when a lifecycle of the enterprise is running. One request
   * (Update-with-Start): the awaitOpened Update reaches the run's first workflow task, which answers
   * it once open() has projected, instead of a second workflow task (3 history events) for it.
   */
  async start(input: LifecycleInput): Promise<LifecycleView | null> {
    const { nomination } = input;
    const startWorkflowOperation = new WithStartWorkflowOperation(LIFECYCLE_WORKFLOW_TYPE, {
      workflowId: lifecycleWorkflowId(nomination.creditCode),
      taskQueue: this.taskQueue,
      args: [input],
      // A rejected or exited enterprise may be nominated again: a new run of the same id.
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: [
        { key: STAGE, value: 'screening' },
        { key: DISTRICT, value: nomination.district },
        { key: CLUSTER, value: nomination.cluster },
        { key: CREDIT_CODE, value: nomination.creditCode },
      ],
      staticSummary: `${nomination.name} (${nomination.creditCode})`,
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(awaitOpenedUpdate, { startWorkflowOperation });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) return null;
      throw e;
    }
  }

  /**
   * Completes a task; answers after the next tasks are projected. The same `updateId` attaches a
   * retry to the first completion (Temporal answers an Update it has with its first outcome).
   */
  complete(creditCode: string, req: CompleteTaskRequest, updateId?: string): Promise<CompleteTaskResult> {
    return this.update(creditCode, completeTaskUpdate, req, updateId);
  }

  /**
   * Sends an Update of the lifecycle. With an id (a request with an Idempotency-Key) it waits
   * UPDATE_PATIENCE_MS, then looks at the workflow: a failing or stalled workflow task is a
   * WorkflowTaskFailingError (503, to be sent again with the same key, which attaches to the same
   * Update); else it waits on, attached by the id. Without an id a call given up could not be told
   * from a second action: it waits, as before.
   */
  private update<Ret, Req>(
    creditCode: string,
    def: UpdateDefinition<Ret, [Req]>,
    req: Req,
    updateId?: string,
  ): Promise<Ret> {
    const send = () => this.handle(creditCode).executeUpdate(def, { args: [req], updateId });
    return updateId ? this.patiently(creditCode, send) : send();
  }

  /**
   * The outcome of the Update `updateId` of the running lifecycle, when it has one (its result, or
   * its failure thrown); null when it has none: never sent, or refused by its validator (a refused
   * Update is not kept). A retried keyed action the read model already refuses (退回 done, 抄送
   * copied) is answered with it, as Temporal answers the same Update id sent again.
   */
  async updateOutcome<Ret>(creditCode: string, updateId: string): Promise<{ result: Ret } | null> {
    try {
      const poll = () => this.handle(creditCode).getUpdateHandle<Ret>(updateId).result();
      return { result: await this.patiently(creditCode, poll) };
    } catch (e) {
      // An Update (or a workflow) Temporal does not know: the gRPC NOT_FOUND of the poll.
      if (e instanceof WorkflowNotFoundError) return null;
      throw e;
    }
  }

  /** `send` (an Update by id, or a poll of it), given UPDATE_PATIENCE_MS before the workflow is looked at. */
  private async patiently<T>(creditCode: string, send: () => Promise<T>): Promise<T> {
    try {
      return await this.client.withDeadline(Date.now() + UPDATE_PATIENCE_MS, send);
    } catch (e) {
      if (!(e instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw e;
      const task = await this.pendingWorkflowTask(creditCode);
      if (task && (task.attempt > 1 || task.startedMsAgo > STALLED_TASK_MS)) {
        throw new WorkflowTaskFailingError(lifecycleWorkflowId(creditCode), task.attempt, { cause: e });
      }
      // Only slow (or not known): wait on, attached to the same Update by its id.
      return send();
    }
  }

  /** The workflow's pending workflow task: its attempt, how long ago a worker started it; null: none or unknown. */
  private async pendingWorkflowTask(
    creditCode: string,
  ): Promise<{ attempt: number; startedMsAgo: number } | null> {
    try {
      const { raw } = await this.client.withDeadline(Date.now() + 5_000, () =>
        this.handle(creditCode).describe(),
      );
      const task = raw.pendingWorkflowTask;
      if (!task) return null;
      const started = task.startedTime ? protoMillis(task.startedTime) : 0;
      return { attempt: task.attempt ?? 1, startedMsAgo: started ? Date.now() - started : 0 };
    } catch {
      return null;
    }
  }

  /** Claim, unclaim or delegate. */
  assign(creditCode: string, req: AssignTaskRequest, updateId?: string): Promise<AssignTaskResult> {
    return this.update(creditCode, assignTaskUpdate, req, updateId);
  }

  /** 催办: notifies the assignee (else the candidates) again. */
  urge(creditCode: string, req: UrgeTaskRequest, updateId?: string): Promise<UrgeTaskResult> {
    return this.update(creditCode, urgeTaskUpdate, req, updateId);
  }

  /** 抄送: copies the task to users. */
  cc(creditCode: string, req: CcTaskRequest, updateId?: string): Promise<CcTaskResult> {
    return this.update(creditCode, ccTaskUpdate, req, updateId);
  }

  /** 退回: sends the task back to the step before; answers like a completion. */
  returnTask(creditCode: string, req: ReturnTaskRequest, updateId?: string): Promise<CompleteTaskResult> {
    return this.update(creditCode, returnTaskUpdate, req, updateId);
  }

  /** 撤回: takes a completion back while what it opened is untouched. */
  withdraw(creditCode: string, req: WithdrawTaskRequest, updateId?: string): Promise<WithdrawTaskResult> {
    return this.update(creditCode, withdrawTaskUpdate, req, updateId);
  }

  /** Why a 撤回 would be refused now, or null (a query: the task page's button). */
  withdrawalRefusal(creditCode: string, req: WithdrawTaskRequest): Promise<WithdrawalRefusal | null> {
    return this.handle(creditCode).query(withdrawalRefusalQuery, req);
  }

  /** 加签/会签: opens COUNTERSIGN tasks beside the task. */
  countersign(creditCode: string, req: CountersignRequest, updateId?: string): Promise<CountersignResult> {
    return this.update(creditCode, countersignUpdate, req, updateId);
  }

  /** 企业吹哨: opens a WHISTLE_RESPONSE for the problem's owner department. */
  blowWhistle(creditCode: string, req: WhistleRequest): Promise<WhistleResult> {
    return this.handle(creditCode).executeUpdate(blowWhistleUpdate, { args: [req] });
  }

  /** Ledger work on a problem of the running lifecycle; answers after the projection. */
  workProblem(creditCode: string, req: ProblemWorkRequest): Promise<ProblemWorkResult> {
    return this.handle(creditCode).executeUpdate(workProblemUpdate, { args: [req] });
  }

  /** The running lifecycle's state, open tasks and context, as the workflow holds them. */
  state(creditCode: string): Promise<LifecycleView> {
    return this.handle(creditCode).query(lifecycleStateQuery);
  }

  /** 一季一调度: ticks a member; false when the enterprise has no running lifecycle (it ended). */
  async tickQuarter(creditCode: string, tick: QuarterTick): Promise<boolean> {
    try {
      await this.handle(creditCode).signal(quarterTickSignal, tick);
      return true;
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return false;
      throw e;
    }
  }

  /**
   * 动态管理: opens the year's ANNUAL_UPDATE; null when the enterprise has no running lifecycle.
   * `updateId` (one per review run and member) attaches a retried page to its first answer.
   */
  openAnnualReview(
    creditCode: string,
    req: OpenAnnualReviewRequest,
    updateId?: string,
  ): Promise<OpenAnnualReviewResult | null> {
    return this.unlessEnded(
      this.handle(creditCode).executeUpdate(openAnnualReviewUpdate, { args: [req], updateId }),
    );
  }

  /** A calendar year was entered: the lifecycle recomputes its provisional deadlines (null: ended). */
  recomputeDeadlines(
    creditCode: string,
    req: RecomputeDeadlinesRequest,
  ): Promise<RecomputeDeadlinesResult | null> {
    return this.unlessEnded(this.handle(creditCode).executeUpdate(recomputeDeadlinesUpdate, { args: [req] }));
  }

  private async unlessEnded<T>(answer: Promise<T>): Promise<T | null> {
    try {
      return await answer;
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return null;
      throw e;
    }
  }

  /**
   * Every run of the enterprise's workflow still within the namespace's retention, oldest first:
   * those visibility lists, the latest one (also when visibility lags behind) and, walking back
   * from each, the runs it continued from. Earlier lifecycles are runs of the same id.
   */
  async runs(creditCode: string): Promise<LifecycleRun[]> {
    const workflowId = lifecycleWorkflowId(creditCode);
    const runIds = new Set<string>();
    for await (const run of this.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      runIds.add(run.runId);
    }
    try {
      runIds.add((await this.handle(creditCode).describe()).runId);
    } catch (e) {
      if (!(e instanceof WorkflowNotFoundError)) throw e;
    }
    const runs = new Map<string, LifecycleRun>();
    const pending = [...runIds];
    while (pending.length) {
      const runId = pending.pop()!;
      if (runs.has(runId)) continue;
      const events = await this.eventsOf(workflowId, runId);
      if (!events) continue;
      runs.set(runId, { runId, events });
      const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      if (previous) pending.push(previous);
    }
    const startOf = (run: LifecycleRun) => protoMillis(run.events[0]?.eventTime);
    return [...runs.values()].sort((a, b) => startOf(a) - startOf(b));
  }

  /**
   * 撤回: the outcome of the completion each of `taskIds` last had withdrawn, read from the
   * workflow's history (withdrawnOutcomes); the read-model repair asks it for withdrawn tasks only.
   */
  async withdrawnOutcomes(creditCode: string, taskIds: readonly string[]): Promise<Map<string, string>> {
    if (!taskIds.length) return new Map();
    return withdrawnOutcomes(await this.runs(creditCode), (p) => this.decode(p), taskIds);
  }

  /** Decodes a payload of a history event with the client's converter. */
  decode(payload: temporal.api.common.v1.IPayload): unknown {
    return this.client.options.loadedDataConverter.payloadConverter.fromPayload(payload as any);
  }

  private handle(creditCode: string) {
    return this.client.workflow.getHandle(lifecycleWorkflowId(creditCode));
  }

  private async eventsOf(
    workflowId: string,
    runId: string,
  ): Promise<temporal.api.history.v1.IHistoryEvent[] | null> {
    try {
      return (await this.client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return null; // past the namespace's retention
      throw e;
    }
  }
}
