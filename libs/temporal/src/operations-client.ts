import { randomUUID } from 'node:crypto';
import { Client, ScheduleNotFoundError } from '@temporalio/client';
import { DISPATCH_WORKFLOW_TYPE, DispatchInput, DispatchResult } from './dispatch.contract';
import { ensureSchedules, EnsureSchedulesOptions } from './schedules';
import { ANNUAL_REVIEW_WORKFLOW_TYPE, AnnualReviewInput, AnnualReviewResult } from './yearly.contract';

/** A schedule as the administrators' page shows it. */
export interface ScheduleView {
  id: string;
  timezone: string | null;
  paused: boolean;
  overlap: string;
  nextRunTimes: string[];
  recentRuns: { scheduledAt: string; takenAt: string; workflowId: string }[];
}

/**
 * The system's own workflows beside the lifecycles: the schedules (一季一调度, the morning digest),
 * a dispatch run by hand, and whether the server answers. LifecycleClient's sibling.
 */
export class OperationsClient {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  /** Creates or updates every schedule of the system. Safe to call from every worker, at every start. */
  ensureSchedules(options?: EnsureSchedulesOptions): Promise<Record<string, 'created' | 'updated'>> {
    return ensureSchedules(this.client, this.taskQueue, options);
  }

  /** The schedule with its next runs; null before any worker has created it. */
  async schedule(id: string): Promise<ScheduleView | null> {
    try {
      const d = await this.client.schedule.getHandle(id).describe();
      return {
        id: d.scheduleId,
        timezone: d.spec.timezone ?? null,
        paused: d.state.paused,
        overlap: d.policies.overlap ?? 'SKIP', // the server's default when none is set
        nextRunTimes: d.info.nextActionTimes.map((x) => x.toISOString()),
        recentRuns: d.info.recentActions.map((a) => ({
          scheduledAt: a.scheduledAt.toISOString(),
          takenAt: a.takenAt.toISOString(),
          workflowId: a.action.workflow.workflowId,
        })),
      };
    } catch (e) {
      if (e instanceof ScheduleNotFoundError) return null;
      throw e;
    }
  }

  /** Runs the quarterly dispatch for the quarter now; answers once every member was ticked. */
  async runDispatch(quarter: string): Promise<DispatchResult & { workflowId: string }> {
    const workflowId = `quarterly-dispatch/${quarter}/manual-${randomUUID()}`;
    const input: DispatchInput = { quarter };
    const result: DispatchResult = await this.client.workflow.execute(DISPATCH_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.taskQueue,
      args: [input],
    });
    return { ...result, workflowId };
  }

  /**
   * Runs the year's annual review now; answers once every member has its ANNUAL_UPDATE. One run
   * per year at a time (a second trigger while it runs attaches to it); members reviewed for the
   * year are left alone, so triggering again opens nothing twice.
   */
  async runAnnualReview(year: number): Promise<AnnualReviewResult & { workflowId: string }> {
    const workflowId = `annual-review/${year}`;
    const input: AnnualReviewInput = { year };
    const handle = await this.client.workflow.start(ANNUAL_REVIEW_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return { ...((await handle.result()) as AnnualReviewResult), workflowId };
  }

  /** Resolves when the Temporal frontend answers. */
  async ping(): Promise<void> {
    await this.client.connection.ensureConnected();
    await this.client.workflowService.getSystemInfo({});
  }
}
