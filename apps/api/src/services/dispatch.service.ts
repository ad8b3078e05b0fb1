import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, ScheduleNotFoundError } from '@temporalio/client';
import { AppConfig, CONFIG } from '@hardtech/config';
import { InvalidInput, isQuarter, NotFound, reportingQuarterAt, t } from '@hardtech/domain';
import {
  DIGEST_SCHEDULE_ID,
  DISPATCH_WORKFLOW_TYPE,
  DispatchResult,
  QUARTERLY_SCHEDULE_ID,
  TEMPORAL_CLIENT,
} from '@hardtech/temporal';

@Injectable()
export class DispatchService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs the quarterly dispatch now, for the reporting quarter (the one before today's) or the one
   * given. Answers when every member has been ticked.
   */
  async trigger(quarter?: string): Promise<DispatchResult & { workflowId: string }> {
    if (quarter !== undefined && !isQuarter(quarter)) {
      throw new InvalidInput([
        { field: 'quarter', text: t('应为季度，如 2026Q3', 'must be a quarter such as 2026Q3') },
      ]);
    }
    const q = quarter ?? reportingQuarterAt(new Date());
    const workflowId = `quarterly-dispatch/${q}/manual-${randomUUID()}`;
    const result: DispatchResult = await this.client.workflow.execute(DISPATCH_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: this.config.temporal.taskQueue,
      args: [{ quarter: q }],
    });
    return { ...result, workflowId };
  }

  /** The system's schedules with their next run times: 一季一调度 and the working-day digest. */
  async schedules() {
    const described = [
      {
        id: QUARTERLY_SCHEDULE_ID,
        description: '一季一调度：每季度首日 09:00（Asia/Shanghai）向帮扶中的企业派发季度报告',
      },
      {
        id: DIGEST_SCHEDULE_ID,
        description: '待办汇总：每个工作日 08:30（Asia/Shanghai）发送即将到期和逾期任务',
      },
    ];
    try {
      return await Promise.all(
        described.map(async ({ id, description }) => {
          const d = await this.client.schedule.getHandle(id).describe();
          return {
            id: d.scheduleId,
            description,
            timezone: d.spec.timezone ?? null,
            paused: d.state.paused,
            overlap: d.policies.overlap,
            nextRunTimes: d.info.nextActionTimes.map((x) => x.toISOString()),
            recentRuns: d.info.recentActions.map((a) => ({
              scheduledAt: a.scheduledAt.toISOString(),
              takenAt: a.takenAt.toISOString(),
              workflowId: a.action.workflow.workflowId,
            })),
          };
        }),
      );
    } catch (e) {
      if (e instanceof ScheduleNotFoundError) {
        throw new NotFound(
          'SCHEDULE_NOT_FOUND',
          t('定时任务尚未创建（等待工作进程启动）', 'the schedules do not exist yet (no worker has started)'),
        );
      }
      throw e;
    }
  }
}
