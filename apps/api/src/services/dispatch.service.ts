import { Injectable } from '@nestjs/common';
import { InvalidInput, isQuarter, NotFound, reportingQuarterAt, t } from '@hardtech/domain';
import {
  DIGEST_SCHEDULE_ID,
  DispatchResult,
  OperationsClient,
  QUARTERLY_SCHEDULE_ID,
} from '@hardtech/temporal';

@Injectable()
export class DispatchService {
  constructor(private readonly operations: OperationsClient) {}

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
    return this.operations.runDispatch(quarter ?? reportingQuarterAt(new Date()));
  }

  /** The system's schedules with their next run times: 一季一调度 and the working-day digest. */
  async schedules() {
    const described = [
      {
        id: QUARTERLY_SCHEDULE_ID,
        description: t(
          '一季一调度：每季度首日北京时间 09:00 向帮扶中的企业派发季度报告',
          'Quarterly dispatch: 09:00 (Asia/Shanghai) on the first day of each quarter, the quarterly report to every enterprise in support',
        ),
      },
      {
        id: DIGEST_SCHEDULE_ID,
        description: t(
          '待办汇总：每个工作日北京时间 08:30 发送即将到期和逾期任务',
          'Task digest: 08:30 (Asia/Shanghai) on each working day, the tasks due soon and overdue',
        ),
      },
    ];
    const views = await Promise.all(described.map(({ id }) => this.operations.schedule(id)));
    if (views.some((v) => !v)) {
      throw new NotFound(
        'SCHEDULE_NOT_FOUND',
        t('定时任务尚未创建（等待工作进程启动）', 'the schedules do not exist yet (no worker has started)'),
      );
    }
    return views.map((view, i) => ({ ...view!, description: described[i].description }));
  }
}
