import * as wf from '@temporalio/workflow';
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
  LifecycleActivities,
  LifecycleInput,
  LifecycleResult,
  lifecycleStateQuery,
  withdrawalRefusalQuery,
  ProblemWorkRequest,
  ProjectionDelta,
  quarterTickSignal,
  ReturnTaskRequest,
  returnTaskUpdate,
  UrgeTaskRequest,
  urgeTaskUpdate,
  WhistleRequest,
  WithdrawTaskRequest,
  withdrawTaskUpdate,
  workProblemUpdate,
} from '@hardtech/temporal/lifecycle.contract';
import {
  OpenAnnualReviewRequest,
  openAnnualReviewUpdate,
  RecomputeDeadlinesRequest,
  recomputeDeadlinesUpdate,
} from '@hardtech/temporal/yearly.contract';
import { CLUSTER, CREDIT_CODE, DISTRICT, STAGE } from '@hardtech/temporal/search-attributes';
import type { Stage } from '@hardtech/domain';
import { rethrowAsFailure, toFailure } from './failures';
import { Lifecycle } from './lifecycle';
import { CURRENT_SEARCH_ATTRIBUTES_PATCH, patchesOfRun } from './patches';

// Local activities: the projection is a short write to the read model, and running it in the same
// workflow task keeps an Update's answer close to the engine's own floor (issue 9 measures it).
const activities = wf.proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/**
 * Keeps the operators' search attributes true (README, "Finding workflows"): District as corrected
 * by a supplement, Cluster the lead cluster once admitted (the enterprise's own before), as the
 * read model's tasks and ledger have them. Upserts only what differs from the run's attributes.
 */
function keepSearchAttributesCurrent(delta: ProjectionDelta, patched: (id: string) => boolean): void {
  const ctx = delta.context;
  const current = wf.workflowInfo().typedSearchAttributes;
  const changed = [
    { key: DISTRICT, value: ctx.nomination.district },
    { key: CLUSTER, value: ctx.admission?.leadCluster ?? ctx.nomination.cluster },
    { key: CREDIT_CODE, value: delta.creditCode },
  ].filter(({ key, value }) => current.get(key) !== value);
  // Lifecycles recorded before this patch never upserted these: replaying them must not either.
  if (changed.length && patched(CURRENT_SEARCH_ATTRIBUTES_PATCH)) wf.upsertSearchAttributes(changed);
}

/**
 * An Update's validator and handler that wait for the lifecycle to be open. An Update can arrive in
 * a run's very first activation, before open() has built the state: a worker died after the first
 * task reached the inbox (the projection is a local activity) but before that workflow task
 * completed, and the run starts again with the client's completion already waiting. Refused then,
 * a valid completion would get 404 (test/faults found it); instead it is accepted and validated by
 * the handler once the lifecycle is open. Replay-safe: until now such an Update was refused, and a
 * refused Update never enters history.
 */
function onceOpen<Req, Res>(
  isOpen: () => boolean,
  validate: (req: Req) => void,
  handle: (req: Req) => Promise<Res>,
): [(req: Req) => Promise<Res>, { validator: (req: Req) => void }] {
  const handler = async (req: Req) => {
    if (!isOpen()) {
      await wf.condition(isOpen);
      rethrowAsFailure(() => validate(req));
    }
    return handle(req);
  };
  const validator = (req: Req) => {
    if (isOpen()) rethrowAsFailure(() => validate(req));
  };
  return [handler, { validator }];
}

/** One enterprise's years-long path through the pool: `enterprise/<credit code>`. */
export async function enterpriseLifecycle(input: LifecycleInput): Promise<LifecycleResult> {
  // First, before anything can wait: which patches this run has (patches.ts says why here).
  const patched = patchesOfRun((id) => wf.patched(id));
  let currentStage: Stage | null = null;
  // Deadline timers run in their own cancellation scopes: a closed task's timers are cancelled.
  const timers = new Map<string, wf.CancellationScope>();
  const lifecycle = new Lifecycle(input, {
    activePolicy: () => activities.activePolicy(),
    project: async (delta) => {
      keepSearchAttributesCurrent(delta, patched);
      // The receipt is for the history's readers (the marker keeps it); the workflow needs nothing.
      await activities.project(delta);
    },
    reservePoolSeat: (req) => activities.reservePoolSeat(req),
    notify: async (notification) => {
      await activities.notify(notification); // its receipt, like the projection's, is for the history
    },
    patched,
    sleepUntil: async (at, key) => {
      const scope = new wf.CancellationScope();
      timers.set(key, scope);
      try {
        await scope.run(() => wf.sleep(Math.max(1, at.getTime() - Date.now())));
        return true;
      } catch (e) {
        if (wf.isCancellation(e)) return false;
        throw e;
      } finally {
        if (timers.get(key) === scope) timers.delete(key);
      }
    },
    cancelSleep: (key) => timers.get(key)?.cancel(),
    stageChanged: (stage) => {
      if (stage === currentStage) return;
      currentStage = stage;
      wf.upsertSearchAttributes([{ key: STAGE, value: stage }]);
    },
    now: () => new Date(),
    newId: () => wf.uuid4(),
  });

  let opened = false;
  const isOpen = () => opened;
  wf.setHandler(lifecycleStateQuery, () => lifecycle.view());
  wf.setHandler(withdrawalRefusalQuery, (req) => lifecycle.withdrawalRefusal(req));
  wf.setHandler(
    completeTaskUpdate,
    ...onceOpen(
      isOpen,
      (req: CompleteTaskRequest) => lifecycle.validateCompletion(req),
      async (req: CompleteTaskRequest) => {
        try {
          return await lifecycle.complete(req);
        } catch (e) {
          throw toFailure(e);
        }
      },
    ),
  );
  wf.setHandler(
    assignTaskUpdate,
    ...onceOpen(
      isOpen,
      (req: AssignTaskRequest) => lifecycle.validateAssignment(req),
      (req: AssignTaskRequest) => lifecycle.assign(req),
    ),
  );
  wf.setHandler(
    blowWhistleUpdate,
    ...onceOpen(
      isOpen,
      (req: WhistleRequest) => lifecycle.validateWhistle(req),
      (req: WhistleRequest) => lifecycle.blowWhistle(req),
    ),
  );
  wf.setHandler(
    workProblemUpdate,
    ...onceOpen(
      isOpen,
      (req: ProblemWorkRequest) => lifecycle.validateProblemWork(req),
      async (req: ProblemWorkRequest) => {
        try {
          return await lifecycle.workProblem(req);
        } catch (e) {
          throw toFailure(e);
        }
      },
    ),
  );
  wf.setHandler(
    urgeTaskUpdate,
    ...onceOpen(
      isOpen,
      (req: UrgeTaskRequest) => lifecycle.validateUrge(req),
      (req: UrgeTaskRequest) => lifecycle.urge(req),
    ),
  );
  wf.setHandler(
    ccTaskUpdate,
    ...onceOpen(
      isOpen,
      (req: CcTaskRequest) => lifecycle.validateCc(req),
      (req: CcTaskRequest) => lifecycle.cc(req),
    ),
  );
  // 退回, 撤回, 加签 (issue 17): Updates validated like a completion.
  const failing =
    <Req, Res>(handle: (req: Req) => Promise<Res>) =>
    async (req: Req) => {
      try {
        return await handle(req);
      } catch (e) {
        throw toFailure(e);
      }
    };
  wf.setHandler(
    returnTaskUpdate,
    ...onceOpen(
      isOpen,
      (req: ReturnTaskRequest) => lifecycle.validateReturn(req),
      failing((req: ReturnTaskRequest) => lifecycle.returnTask(req)),
    ),
  );
  wf.setHandler(
    withdrawTaskUpdate,
    ...onceOpen(
      isOpen,
      (req: WithdrawTaskRequest) => lifecycle.validateWithdrawal(req),
      failing((req: WithdrawTaskRequest) => lifecycle.withdraw(req)),
    ),
  );
  wf.setHandler(
    countersignUpdate,
    ...onceOpen(
      isOpen,
      (req: CountersignRequest) => lifecycle.validateCountersign(req),
      failing((req: CountersignRequest) => lifecycle.countersign(req)),
    ),
  );
  wf.setHandler(quarterTickSignal, (tick) => lifecycle.tick(tick));
  wf.setHandler(
    openAnnualReviewUpdate,
    ...onceOpen(
      isOpen,
      () => undefined, // any year: a non-member or a year it had answers `opened: false`
      (req: OpenAnnualReviewRequest) => lifecycle.openAnnualReview(req),
    ),
  );
  wf.setHandler(
    recomputeDeadlinesUpdate,
    ...onceOpen(
      isOpen,
      () => undefined,
      (req: RecomputeDeadlinesRequest) => lifecycle.recomputeDeadlines(req),
    ),
  );
  wf.setHandler(awaitOpenedUpdate, async () => {
    await wf.condition(() => opened);
    return lifecycle.view();
  });

  await lifecycle.open();
  opened = true;
  await wf.condition(
    () => lifecycle.isFinal() || lifecycle.shouldContinueAsNew(wf.workflowInfo().continueAsNewSuggested),
  );
  // Let running handlers answer their callers, and follow-ups finish sending, before this run ends.
  await wf.condition(() => wf.allHandlersFinished() && lifecycle.quiet());
  if (lifecycle.isFinal()) return lifecycle.result();
  // The nomination's policy was for the first run's screening only.
  const { policy: _screenedWith, ...next } = input;
  return wf.continueAsNew<typeof enterpriseLifecycle>({ ...next, carried: lifecycle.carryOver() });
}
