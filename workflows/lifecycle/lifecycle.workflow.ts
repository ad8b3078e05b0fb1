import * as wf from '@temporalio/workflow';
import {
  assignTaskUpdate,
  awaitOpenedUpdate,
  blowWhistleUpdate,
  completeTaskUpdate,
  LifecycleActivities,
  LifecycleInput,
  LifecycleResult,
  lifecycleStateQuery,
  quarterTickSignal,
} from '@hardtech/temporal/lifecycle.contract';
import { STAGE } from '@hardtech/temporal/search-attributes';
import type { Stage } from '@hardtech/domain';
import { rethrowAsFailure, toFailure } from './failures';
import { Lifecycle } from './lifecycle';

// Local activities: the projection is a short write to the read model, and running it in the same
// workflow task keeps an Update's answer close to the engine's own floor (issue 9 measures it).
const activities = wf.proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/** One enterprise's years-long path through the pool: `enterprise/<credit code>`. */
export async function enterpriseLifecycle(input: LifecycleInput): Promise<LifecycleResult> {
  let currentStage: Stage | null = null;
  // Deadline timers run in their own cancellation scopes: a closed task's timers are cancelled.
  const timers = new Map<string, wf.CancellationScope>();
  const lifecycle = new Lifecycle(input, {
    activePolicy: () => activities.activePolicy(),
    project: (delta) => activities.project(delta),
    reservePoolSeat: (req) => activities.reservePoolSeat(req),
    notify: (notification) => activities.notify(notification),
    patched: (id) => wf.patched(id),
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

  wf.setHandler(lifecycleStateQuery, () => lifecycle.view());
  wf.setHandler(
    completeTaskUpdate,
    async (req) => {
      try {
        return await lifecycle.complete(req);
      } catch (e) {
        throw toFailure(e);
      }
    },
    { validator: (req) => rethrowAsFailure(() => lifecycle.validateCompletion(req)) },
  );
  wf.setHandler(assignTaskUpdate, (req) => lifecycle.assign(req), {
    validator: (req) => rethrowAsFailure(() => lifecycle.validateAssignment(req)),
  });
  wf.setHandler(blowWhistleUpdate, (req) => lifecycle.blowWhistle(req), {
    validator: (req) => rethrowAsFailure(() => lifecycle.validateWhistle(req)),
  });
  wf.setHandler(quarterTickSignal, (tick) => lifecycle.tick(tick));
  let opened = false;
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
  return wf.continueAsNew<typeof enterpriseLifecycle>({ ...input, carried: lifecycle.carryOver() });
}
