import { lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { createCast } from '../support/cast';
import { expectOk, nominationFor, openTask } from '../support/lifecycle';
import { closeTemporal, temporalClient } from '../support/temporal';

afterAll(closeTemporal);

// Issue 21.4: the worker's workflow threads run without the SDK's per-promise stack traces
// (apps/worker/src/workflow-stack-traces.ts, WORKFLOW_STACK_TRACES off). A worker that still
// recorded them answers the stack-trace query with the lifecycle's stacks, and fails this test.
it('a lifecycle runs without per-promise stack traces: the stack-trace query says they are off', async () => {
  const cast = await createCast();
  await expectOk(cast.districtOfficer.api.post('/api/nominations', nominationFor(cast)), 201);
  await openTask(cast.coordinator.api, cast.creditCode, 'SCREEN');
  const handle = (await temporalClient()).workflow.getHandle(lifecycleWorkflowId(cast.creditCode));
  await expect(handle.query('__stack_trace')).rejects.toThrow(/stack traces are not enabled/);
  // The lifecycle itself answers its queries as before.
  expect((await handle.describe()).status.name).toBe('RUNNING');
});
