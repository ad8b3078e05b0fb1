import { tsToMs } from '@temporalio/common/lib/time';
import type { WorkflowHandle } from '@temporalio/client';
import { temporalClient } from '../test/support/temporal';
import { EventCounts, eventName } from './cost';
import { inParallel } from '../test/support/retrying-driver';

/** The bench's own no-op workflows (bench/floor.ts) are the floor, not the product. */
const FLOOR_QUEUE = 'bench-floor';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/** Calls `visit` with every event the namespace's workflows (the floor's aside) recorded in [from, to]. */
async function forEachEvent(
  from: number,
  to: number,
  visit: (workflowType: string, event: HistoryEvent) => void,
): Promise<void> {
  const client = await temporalClient();
  const runs: { workflowId: string; runId: string; type: string }[] = [];
  for await (const w of client.workflow.list()) {
    if (w.taskQueue === FLOOR_QUEUE) continue;
    if (w.closeTime && w.closeTime.getTime() < from) continue;
    runs.push({ workflowId: w.workflowId, runId: w.runId, type: w.type });
  }
  await inParallel(runs, 8, async (run) => {
    const history = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const at = tsToMs(event.eventTime);
      if (at >= from && at <= to) visit(run.type, event);
    }
  });
}

/**
 * The history events every workflow of the namespace recorded between `from` and `to` (ms since
 * the epoch, the server's clocks being this machine's), by workflow type and event type: what the
 * phase between them cost Temporal, whichever workflows it touched (lifecycles, dispatches, …).
 */
export async function eventsBetween(from: number, to: number): Promise<EventCounts> {
  const counts: EventCounts = {};
  await forEachEvent(from, to, (type, event) => {
    const name = eventName(event as unknown as Record<string, unknown>);
    const byType = (counts[type] ??= {});
    byType[name] = (byType[name] ?? 0) + 1;
  });
  return counts;
}

/** What the accepted `update` Updates of a phase carried, as Temporal stores it in UpdateAccepted. */
export interface UpdatePayloads {
  updates: number;
  /** Mean bytes of the arguments' payload data. */
  meanBytes: number;
  /** Mean bytes of the argument's `policy` field (its JSON), where it has one. */
  meanPolicyBytes: number;
}

export async function updatePayloads(from: number, to: number, update: string): Promise<UpdatePayloads> {
  let updates = 0;
  let bytes = 0;
  let policyBytes = 0;
  await forEachEvent(from, to, (_type, event) => {
    const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    if (request?.input?.name !== update) return;
    updates++;
    for (const arg of request.input.args?.payloads ?? []) {
      const data = Buffer.from(arg.data ?? new Uint8Array());
      bytes += data.length;
      const { policy } = JSON.parse(data.toString('utf8')) as { policy?: unknown };
      if (policy) policyBytes += Buffer.byteLength(JSON.stringify(policy));
    }
  });
  const mean = (n: number) => (updates ? Math.round(n / updates) : 0);
  return { updates, meanBytes: mean(bytes), meanPolicyBytes: mean(policyBytes) };
}

/** The length of the histories a phase wrote: lifecycles' runs touched since `from`, by workflow type. */
export interface HistoryLengths {
  runs: number;
  meanEvents: number;
  maxEvents: number;
  meanBytes: number;
}

/**
 * Events and bytes in the histories of the runs of `workflowType` open or closed since `from`: what a
 * non-sticky workflow task or a query of one of them replays in full.
 */
export async function historyLengths(from: number, workflowType: string): Promise<HistoryLengths> {
  const client = await temporalClient();
  const lengths: number[] = [];
  let bytes = 0;
  for await (const w of client.workflow.list({ query: `WorkflowType = '${workflowType}'` })) {
    if (w.closeTime && w.closeTime.getTime() < from) continue;
    lengths.push(w.historyLength);
    bytes += w.historySize ?? 0;
  }
  const runs = lengths.length;
  return {
    runs,
    meanEvents: runs ? Math.round((lengths.reduce((a, b) => a + b, 0) / runs) * 10) / 10 : 0,
    maxEvents: runs ? Math.max(...lengths) : 0,
    meanBytes: runs ? Math.round(bytes / runs) : 0,
  };
}
