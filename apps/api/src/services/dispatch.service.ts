import { Injectable } from '@nestjs/common';
import {
  dispatchQuarterChoices,
  dispatchQuarterRefusal,
  InvalidInput,
  isQuarter,
  NotFound,
  reportingQuarterAt,
  RuleViolation,
  t,
} from '@hardtech/domain';
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
   * Runs the quarterly dispatch now, for the reporting quarter (the last one that has ended, Beijing
   * time) or the one given: that one or the one before it (dispatchQuarterChoices). A quarter that
   * has not ended, or an older one, is refused with 422 before anything starts. Answers when every
   * member has been ticked.
   */
  async trigger(quarter?: string): Promise<DispatchResult & { workflowId: string }> {
    const now = new Date();
    if (quarter !== undefined && !isQuarter(quarter)) {
      throw new InvalidInput([
        { field: 'quarter', text: t('应为季度，如 2026Q3', 'must be a quarter such as 2026Q3') },
      ]);
    }
    if (quarter !== undefined) refuseQuarter(quarter, now);
    return this.operations.runDispatch(quarter ?? reportingQuarterAt(now));
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

/** 422 for a quarter a dispatch by hand may not report, named with the ones it may. */
function refuseQuarter(quarter: string, now: Date): void {
  const refusal = dispatchQuarterRefusal(quarter, now);
  if (!refusal) return;
  const choices = dispatchQuarterChoices(now);
  const field = {
    field: 'quarter',
    text: t(`应为 ${choices.join(' 或 ')}`, `must be ${choices.join(' or ')}`),
  };
  throw refusal === 'not_ended'
    ? new RuleViolation(
        'QUARTER_NOT_ENDED',
        t(
          `${quarter} 尚未结束（以北京时间季度末日 24:00 为准），季度调度只能针对已结束的季度：${choices.join(' 或 ')}`,
          `${quarter} has not ended (at 24:00 Beijing time on its last day); a dispatch reports on an ended quarter: ${choices.join(' or ')}`,
        ),
        [field],
      )
    : new RuleViolation(
        'DISPATCH_QUARTER_TOO_OLD',
        t(
          `${quarter} 过早：季度调度只能针对最近结束的季度或其上一季度：${choices.join(' 或 ')}`,
          `${quarter} is too old: a dispatch reports on the last ended quarter or the one before it: ${choices.join(' or ')}`,
        ),
        [field],
      );
}
