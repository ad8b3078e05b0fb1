import { Client, ScheduleAlreadyRunning, ScheduleOptions } from '@temporalio/client';
import { DISPATCH_WORKFLOW_TYPE, QUARTERLY_SCHEDULE_ID } from './dispatch.contract';

/** 一季一调度: 09:00 on the first day of January, April, July and October, Asia/Shanghai. */
export function quarterlyScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: QUARTERLY_SCHEDULE_ID,
    spec: {
      calendars: [{ month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'], dayOfMonth: 1, hour: 9, minute: 0 }],
      timezone: 'Asia/Shanghai',
    },
    action: { type: 'startWorkflow', workflowType: DISPATCH_WORKFLOW_TYPE, taskQueue, args: [{}] },
    // A dispatch still running when the next is due is not doubled.
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { description: '一季一调度 quarterly dispatch of the support pool' },
  };
}

/** Creates the schedule, or brings an existing one up to date. Safe to call from every worker. */
export async function ensureQuarterlySchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'updated'> {
  const options = quarterlyScheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: { ...previous.policies, ...options.policies },
    }));
    return 'updated';
  }
}
