import { tsToMs } from '@temporalio/common/lib/time';
import { temporalClient } from '../test/support/temporal';
import { EventCounts, eventName } from './cost';
import { inParallel } from '../test/support/retrying-driver';

/** The bench's own no-op workflows (bench/floor.ts) are the floor, not the product. */
const FLOOR_QUEUE = 'bench-floor';

/**
 * The history events every workflow of the namespace recorded between `from` and `to` (ms since
 * the epoch, the server's clocks being this machine's), by workflow type and event type: what the
 * phase between them cost Temporal, whichever workflows it touched (lifecycles, dispatches, …).
 */
export async function eventsBetween(from: number, to: number): Promise<EventCounts> {
  const client = await temporalClient();
  const runs: { workflowId: string; runId: string; type: string }[] = [];
  for await (const w of client.workflow.list()) {
    if (w.taskQueue === FLOOR_QUEUE) continue;
    if (w.closeTime && w.closeTime.getTime() < from) continue;
    runs.push({ workflowId: w.workflowId, runId: w.runId, type: w.type });
  }
  const counts: EventCounts = {};
  await inParallel(runs, 8, async (run) => {
    const history = await client.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
    for (const event of history.events ?? []) {
      const at = tsToMs(event.eventTime);
      if (at < from || at > to) continue;
      const name = eventName(event as unknown as Record<string, unknown>);
      const byType = (counts[run.type] ??= {});
      byType[name] = (byType[name] ?? 0) + 1;
    }
  });
  return counts;
}
