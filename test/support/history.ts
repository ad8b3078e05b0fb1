import { completeTaskUpdate, lifecycleWorkflowId } from '@hardtech/temporal/lifecycle.contract';
import { temporalClient } from './temporal';

export interface AcceptedUpdate {
  name: string;
  updateId: string;
  args: any[];
}

/** The Updates a lifecycle's history accepted (refused ones never enter it), with their arguments. */
export async function acceptedUpdates(creditCode: string): Promise<AcceptedUpdate[]> {
  const client = await temporalClient();
  const history = await client.workflow.getHandle(lifecycleWorkflowId(creditCode)).fetchHistory();
  return (history.events ?? [])
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest)
    .filter((r) => !!r)
    .map((r) => ({
      name: r!.input!.name!,
      updateId: r!.meta!.updateId!,
      args: (r!.input!.args?.payloads ?? []).map((p) => JSON.parse(Buffer.from(p.data!).toString('utf8'))),
    }));
}

/** How many completions of a task the workflow accepted. */
export async function completionsOf(creditCode: string, taskId: string): Promise<number> {
  return (await acceptedUpdates(creditCode)).filter(
    (u) => u.name === completeTaskUpdate.name && u.args[0]?.taskId === taskId,
  ).length;
}
