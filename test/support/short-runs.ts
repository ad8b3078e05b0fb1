import { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import {
  awaitOpenedUpdate,
  LIFECYCLE_WORKFLOW_TYPE,
  LifecycleInput,
  LifecycleView,
  lifecycleWorkflowId,
} from '@hardtech/temporal/lifecycle.contract';
import type { ActivePolicy } from '@hardtech/domain';
import { dateAfter } from './calendar';
import { Cast } from './cast';
import { nominationFor } from './lifecycle';
import { activePolicy } from './policy';
import { temporalClient } from './temporal';

/**
 * Starts the cast's lifecycle as the API does for its district officer, but with what only tests
 * choose: another task queue (a worker of the test's own), continue-as-new after n quarters, or
 * the active policy it carries (the API carries the one it read; a test's reaches no other run).
 * Answers once the SCREEN task is in the inbox.
 */
export async function startLifecycle(
  c: Cast,
  options: { taskQueue?: string; continueAsNewAfterQuarters?: number; policy?: ActivePolicy } = {},
): Promise<{ handle: WorkflowHandleWithFirstExecutionRunId; view: LifecycleView }> {
  const input: LifecycleInput = {
    nomination: nominationFor(c),
    nominatedBy: {
      username: c.districtOfficer.username,
      role: 'district_officer',
      scope: { districts: [c.district] },
    },
    nominatorGroups: [`district_officer:district:${c.district}`],
    lifecycleNo: 1,
    continueAsNewAfterQuarters: options.continueAsNewAfterQuarters,
    policy: options.policy,
  };
  const handle = await (
    await temporalClient()
  ).workflow.start(LIFECYCLE_WORKFLOW_TYPE, {
    workflowId: lifecycleWorkflowId(c.creditCode),
    taskQueue: options.taskQueue ?? process.env.TEMPORAL_TASK_QUEUE ?? 'hardtech-test',
    args: [input],
  });
  return { handle, view: await handle.executeUpdate(awaitOpenedUpdate) };
}

/** A lifecycle that continues as new after every quarter; answers the first run id. */
export async function nominateWithShortRuns(c: Cast): Promise<string> {
  const { handle } = await startLifecycle(c, { continueAsNewAfterQuarters: 1 });
  return handle.firstExecutionRunId;
}

/**
 * A lifecycle that carries the active policy with the three days after today made holidays (as an
 * administrator's overrides would, for this run only) and SCREEN due P1D, reminded P3D before: its
 * last day is the first of those holidays. Counted with the day's end alone (before patch
 * calendar-days-roll-past-rest-days) the reminder is due at once, and the history has its local
 * activity; rolled to the first working day after the holidays, it is not.
 */
export async function startBeforeHolidays(
  c: Cast,
): Promise<{ handle: WorkflowHandleWithFirstExecutionRunId; view: LifecycleView; holidays: string[] }> {
  const policy = await activePolicy();
  const holidays = [1, 2, 3].map((n) => dateAfter(new Date(), n));
  const started = await startLifecycle(c, {
    policy: {
      ...policy,
      sla: { ...policy.sla, SCREEN: { due: 'P1D', remindBefore: 'P3D', escalateAfter: 'P1D' } },
      calendar: { holidays, workdays: [], coveredThrough: Number(holidays[2].slice(0, 4)) },
    },
  });
  return { ...started, holidays };
}
