import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { Actor, NotFound, t } from '@hardtech/domain';
import { lifecycleWorkflowId, TEMPORAL_CLIENT } from '@hardtech/temporal';
import { EnterprisesRepository } from '@hardtech/persistence';
import { HistoryEntry, HistoryRun, protoMillis, readLifecycleHistory } from '../history/lifecycle-history';

/**
 * GET /api/enterprises/:creditCode/history: read from Temporal's event histories of every run of
 * `enterprise/<credit code>`: earlier lifecycles (re-nominations start a new run of the same id)
 * and the runs continue-as-new chained, oldest first.
 */
@Injectable()
export class HistoryService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly enterprises: EnterprisesRepository,
  ) {}

  async history(actor: Actor, creditCode: string): Promise<HistoryEntry[]> {
    if (!(await this.enterprises.findVisible(actor, creditCode))) {
      throw new NotFound('ENTERPRISE_NOT_FOUND', t('企业不存在', 'no such enterprise'));
    }
    const runs = await this.runsOf(lifecycleWorkflowId(creditCode));
    const converter = this.client.options.loadedDataConverter.payloadConverter;
    return readLifecycleHistory(runs, (p) => converter.fromPayload(p as any));
  }

  /**
   * Every run still within the namespace's retention: those visibility lists, the latest one (also
   * when visibility lags behind) and, walking back from each, the runs it continued from.
   */
  private async runsOf(workflowId: string): Promise<HistoryRun[]> {
    const runIds = new Set<string>();
    for await (const run of this.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      runIds.add(run.runId);
    }
    try {
      runIds.add((await this.client.workflow.getHandle(workflowId).describe()).runId);
    } catch (e) {
      if (!(e instanceof WorkflowNotFoundError)) throw e;
    }
    const runs = new Map<string, HistoryRun>();
    const pending = [...runIds];
    while (pending.length) {
      const runId = pending.pop()!;
      if (runs.has(runId)) continue;
      const events = await this.eventsOf(workflowId, runId);
      if (!events) continue;
      runs.set(runId, { runId, events });
      const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      if (previous) pending.push(previous);
    }
    const startOf = (run: HistoryRun) => protoMillis(run.events[0]?.eventTime);
    return [...runs.values()].sort((a, b) => startOf(a) - startOf(b));
  }

  private async eventsOf(
    workflowId: string,
    runId: string,
  ): Promise<temporal.api.history.v1.IHistoryEvent[] | null> {
    try {
      return (await this.client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) return null; // past the namespace's retention
      throw e;
    }
  }
}
