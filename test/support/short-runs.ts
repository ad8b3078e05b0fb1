import { awaitOpenedUpdate, LifecycleInput } from '@hardtech/temporal/lifecycle.contract';
import { Cast } from './cast';
import { nominationFor } from './lifecycle';
import { temporalClient } from './temporal';

/**
 * Starts the lifecycle as the API does for the cast's district officer, but continuing as new
 * after every quarter (production leaves it to Temporal's suggestion); answers the first run id
 * once the SCREEN task is in the inbox.
 */
export async function nominateWithShortRuns(c: Cast): Promise<string> {
  const input: LifecycleInput = {
    nomination: nominationFor(c),
    nominatedBy: {
      username: c.districtOfficer.username,
      role: 'district_officer',
      scope: { districts: [c.district] },
    },
    nominatorGroups: [`district_officer:district:${c.district}`],
    lifecycleNo: 1,
    continueAsNewAfterQuarters: 1,
  };
  const handle = await (
    await temporalClient()
  ).workflow.start('enterpriseLifecycle', {
    workflowId: `enterprise/${c.creditCode}`,
    taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'hardtech-test',
    args: [input],
  });
  await handle.executeUpdate(awaitOpenedUpdate);
  return handle.firstExecutionRunId;
}
