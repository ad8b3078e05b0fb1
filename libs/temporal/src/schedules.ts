import { Client, ScheduleAlreadyRunning, ScheduleOptions } from '@temporalio/client';
import { QUARTERLY_DISPATCH } from '@hardtech/domain';
import { DIGEST_SCHEDULE_ID, DIGEST_WORKFLOW_TYPE } from './digest.contract';
import { DISPATCH_WORKFLOW_TYPE, QUARTERLY_SCHEDULE_ID } from './dispatch.contract';
import { ANNUAL_REVIEW_SCHEDULE_ID, ANNUAL_REVIEW_WORKFLOW_TYPE } from './yearly.contract';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

/** 一季一调度: 09:00 on the first day of January, April, July and October, Asia/Shanghai. */
export function quarterlyScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: QUARTERLY_SCHEDULE_ID,
    spec: {
      calendars: [
        {
          month: QUARTERLY_DISPATCH.months.map((m) => MONTHS[m - 1]),
          dayOfMonth: QUARTERLY_DISPATCH.dayOfMonth,
          hour: QUARTERLY_DISPATCH.hour,
          minute: QUARTERLY_DISPATCH.minute,
        },
      ],
      timezone: 'Asia/Shanghai',
    },
    action: { type: 'startWorkflow', workflowType: DISPATCH_WORKFLOW_TYPE, taskQueue, args: [{}] },
    // A dispatch still running when the next is due is not doubled.
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { description: '一季一调度 quarterly dispatch of the support pool' },
  };
}

/** Creates a schedule, or brings an existing one up to date. */
async function ensureSchedule(client: Client, options: ScheduleOptions): Promise<'created' | 'updated'> {
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

/** The working-day digest: every morning at 08:30 Asia/Shanghai (the workflow skips days off). */
export function digestScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: DIGEST_SCHEDULE_ID,
    spec: { calendars: [{ hour: 8, minute: 30 }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: DIGEST_WORKFLOW_TYPE, taskQueue, args: [{}] },
    policies: { overlap: 'SKIP', catchupWindow: '2 hours' },
    memo: { description: '每个工作日早晨的待办汇总 working-day digest of due-soon and overdue tasks' },
  };
}

/**
 * 动态管理: each morning at 09:10 Asia/Shanghai; the run opens the annual review only on the
 * policy's `opensOn`, so changing that date needs no schedule change.
 */
export function annualReviewScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: ANNUAL_REVIEW_SCHEDULE_ID,
    spec: { calendars: [{ hour: 9, minute: 10 }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: ANNUAL_REVIEW_WORKFLOW_TYPE, taskQueue, args: [{}] },
    policies: { overlap: 'SKIP', catchupWindow: '1 day' },
    memo: { description: '年度动态管理 annual review of the pool members (opens on the policy date)' },
  };
}

/** Creates or updates every schedule of the system. Safe to call from every worker. */
export async function ensureSchedules(
  client: Client,
  taskQueue: string,
): Promise<Record<string, 'created' | 'updated'>> {
  const result: Record<string, 'created' | 'updated'> = {};
  for (const options of [
    quarterlyScheduleOptions(taskQueue),
    digestScheduleOptions(taskQueue),
    annualReviewScheduleOptions(taskQueue),
  ]) {
    result[options.scheduleId] = await ensureSchedule(client, options);
  }
  return result;
}
