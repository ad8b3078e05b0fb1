import { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import {
  awaitOpenedUpdate,
  LIFECYCLE_WORKFLOW_TYPE,
  LifecycleInput,
  LifecycleView,
  lifecycleWorkflowId,
} from '@hardtech/temporal/lifecycle.contract';
import { Cast } from './cast';
import { nominationFor } from './lifecycle';
import { temporalClient } from './temporal';

/**
 * Starts the cast's lifecycle as the API does for its district officer, but with what only tests
 * choose: another task queue (a worker of the test's own), or continue-as-new after n quarters.
 * Answers once the SCREEN task is in the inbox.
 */
export async function startLifecycle(
  c: Cast,
  options: { taskQueue?: string; continueAsNewAfterQuarters?: number } = {},
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
