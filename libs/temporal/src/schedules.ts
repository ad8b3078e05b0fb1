import {
  Client,
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOptions,
} from '@temporalio/client';
import { QUARTERLY_DISPATCH } from '@hardtech/domain';
import { DIGEST_SCHEDULE_ID, DIGEST_WORKFLOW_TYPE } from './digest.contract';
import { GRPC_TRY_AGAIN_CODES } from './grpc-codes';
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

/** Creates a schedule, or brings an existing one up to date (its state, e.g. a pause, is kept). */
async function ensureScheduleOnce(client: Client, options: ScheduleOptions): Promise<'created' | 'updated'> {
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

/**
 * gRPC codes after which the same ensure is tried again: those that say "try again" anywhere
 * (GRPC_TRY_AGAIN_CODES: the update describes the schedule first, and the server answers a describe
 * by querying the schedule's own workflow on its internal worker, so a server just started or busy
 * answers DEADLINE_EXCEEDED until that worker has the workflow again, UNAVAILABLE while it restarts,
 * RESOURCE_EXHAUSTED when workers describe one schedule at once), and CANCELLED and
 * FAILED_PRECONDITION (a conflict-token mismatch: a concurrent update, on servers that check it).
 * A schedule deleted between the create and the describe is created again by the next attempt.
 */
const TRANSIENT_CODES = new Set([
  ...GRPC_TRY_AGAIN_CODES,
  1, // CANCELLED
  9, // FAILED_PRECONDITION
]);

/** The gRPC code under an SDK error (ServiceError wraps it as `cause`), if any. */
export function grpcCodeOf(e: unknown): number | undefined {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    if (isGrpcServiceError(c)) return c.code;
  }
  return undefined;
}

function isTransient(e: unknown): boolean {
  if (e instanceof ScheduleNotFoundError) return true;
  const code = grpcCodeOf(e);
  return code !== undefined && TRANSIENT_CODES.has(code);
}

export interface EnsureSchedulesOptions {
  /** One attempt (create, describe, update) is given up after this long: default 10 s. */
  attemptTimeoutMs?: number;
  /** Attempts stop after this long in all, and the last error is thrown: default 5 minutes. */
  totalTimeoutMs?: number;
  /** Told before each wait, to log it. */
  onRetry?: (retry: { scheduleId: string; attempt: number; delayMs: number; error: unknown }) => void;
  /** Stops the waits (a worker shutting down): the last error is thrown. */
  signal?: AbortSignal;
}

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/** ensureScheduleOnce, again after transient errors (1, 2, 4… up to 15 s apart) within the total. */
async function ensureSchedule(
  client: Client,
  options: ScheduleOptions,
  { attemptTimeoutMs = 10_000, totalTimeoutMs = 300_000, onRetry, signal }: EnsureSchedulesOptions,
): Promise<'created' | 'updated'> {
  const giveUpAt = Date.now() + totalTimeoutMs;
  let delayMs = 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.withDeadline(Date.now() + attemptTimeoutMs, () =>
        ensureScheduleOnce(client, options),
      );
    } catch (error) {
      if (!isTransient(error) || signal?.aborted || Date.now() + delayMs > giveUpAt) throw error;
      onRetry?.({ scheduleId: options.scheduleId, attempt, delayMs, error });
      await pause(delayMs, signal);
      if (signal?.aborted) throw error;
      delayMs = Math.min(delayMs * 2, 15_000);
    }
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

/**
 * Creates or updates every schedule of the system. Safe to call from every worker, at every start:
 * concurrent workers each create or update to the same options, and a server not yet able to
 * describe a schedule (just restarted, busy) is asked again (EnsureSchedulesOptions).
 */
export async function ensureSchedules(
  client: Client,
  taskQueue: string,
  options: EnsureSchedulesOptions = {},
): Promise<Record<string, 'created' | 'updated'>> {
  const result: Record<string, 'created' | 'updated'> = {};
  for (const schedule of [
    quarterlyScheduleOptions(taskQueue),
    digestScheduleOptions(taskQueue),
    annualReviewScheduleOptions(taskQueue),
  ]) {
    result[schedule.scheduleId] = await ensureSchedule(client, schedule, options);
  }
  return result;
}
