import type { temporal } from '@temporalio/proto';
import type { LifecycleRun } from './lifecycle-client';
import { completeTaskUpdate, withdrawTaskUpdate } from './lifecycle.contract';

/** A history event's payload as the client's converter reads it (LifecycleClient.decode). */
export type PayloadDecoder = (payload: temporal.api.common.v1.IPayload) => unknown;

/**
 * 撤回 from a lifecycle's history: for each of `taskIds`, the outcome of the completion its last
 * withdrawal took back — the last completeTask Update of the task that the workflow applied before
 * a withdrawTask Update of it was applied (an Update the handler refused, its completion event a
 * failure, took nothing back). The read-model repair rebuilds `tasks.withdrawn` from it: the
 * workflow's state keeps the withdrawn data as the task's draft, not the outcome. `runs` oldest
 * first (a withdrawn task stays open across a continue-as-new). Pure.
 */
export function withdrawnOutcomes(
  runs: readonly LifecycleRun[],
  decode: PayloadDecoder,
  taskIds: Iterable<string>,
): Map<string, string> {
  const wanted = new Set(taskIds);
  const accepted = new Map<string, { name: string; taskId: string; outcome: string | null }>();
  const completed = new Map<string, string | null>();
  const withdrawn = new Map<string, string>();
  for (const run of runs) {
    for (const e of run.events) {
      const request = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
      if (request) {
        const name = request.input?.name ?? '';
        if (name !== completeTaskUpdate.name && name !== withdrawTaskUpdate.name) continue;
        const payload = request.input?.args?.payloads?.[0];
        const arg = (payload ? decode(payload) : null) as { taskId?: unknown; outcome?: unknown } | null;
        if (typeof arg?.taskId !== 'string' || !wanted.has(arg.taskId)) continue;
        const outcome = typeof arg.outcome === 'string' ? arg.outcome : null;
        accepted.set(request.meta?.updateId ?? '', { name, taskId: arg.taskId, outcome });
        continue;
      }
      const done = e.workflowExecutionUpdateCompletedEventAttributes;
      const update = done && accepted.get(done.meta?.updateId ?? '');
      if (!update || done.outcome?.failure) continue;
      if (update.name === completeTaskUpdate.name) completed.set(update.taskId, update.outcome);
      else {
        const outcome = completed.get(update.taskId);
        if (outcome) withdrawn.set(update.taskId, outcome);
        else withdrawn.delete(update.taskId);
      }
    }
  }
  return withdrawn;
}
