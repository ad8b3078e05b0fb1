import { randomUUID } from 'node:crypto';
import type { Actor } from '@hardtech/domain';
import { UPDATE_PATIENCE_MS, WorkflowTaskFailingError } from '@hardtech/temporal';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { BULK_START_BUDGET_MS, BulkTasksService } from './bulk-tasks.service';

const actor = { username: 'officer', role: 'district_officer', scope: { districts: ['500112'] } } as Actor;

/** A bulk service whose urge (催办) is `urge`; the other services are not reached by 催办. */
function service(urge: (taskId: string, key?: string) => Promise<unknown>) {
  const urges = { urge: (_: Actor, taskId: string, _message?: string, key?: string) => urge(taskId, key) };
  return new BulkTasksService({} as never, {} as never, urges as never);
}

/** A keyed Update to a lifecycle whose workflow task is failing: refused after UPDATE_PATIENCE_MS. */
const stalled = (taskId: string) =>
  new Promise<never>((_, reject) =>
    setTimeout(
      () =>
        reject(
          new WorkflowTaskFailingError(`enterprise/${taskId}`, 2, {
            cause: new WorkflowUpdateRPCTimeoutOrCancelledError('deadline'),
          }),
        ),
      UPDATE_PATIENCE_MS,
    ),
  );

afterEach(() => jest.useRealTimers());

it('answers a row whose workflow task is failing 503 WORKFLOW_TASK_RETRYING, the others as they went, each sent with the key', async () => {
  const ids = [randomUUID(), randomUUID(), randomUUID()];
  const keys: (string | undefined)[] = [];
  const bulk = service(async (taskId, key) => {
    keys.push(key);
    if (taskId === ids[1]) throw new WorkflowTaskFailingError(`enterprise/x`, 3);
    return { notified: ['a'] };
  });
  const answer = await bulk.run(actor, { action: 'urge', taskIds: ids }, 'zh', 'bulk-key-1');
  expect(answer).toEqual({
    results: [
      { taskId: ids[0], ok: true, status: 200, result: { notified: ['a'] } },
      {
        taskId: ids[1],
        ok: false,
        status: 503,
        code: 'WORKFLOW_TASK_RETRYING',
        message: '流程正在恢复，请稍后重试',
      },
      { taskId: ids[2], ok: true, status: 200, result: { notified: ['a'] } },
    ],
    succeeded: 2,
    failed: 1,
  });
  expect(keys).toEqual(['bulk-key-1', 'bulk-key-1', 'bulk-key-1']);
});

it('answers 100 stalled rows within the start budget and one patience, the rows not begun 503 BULK_NOT_TRIED', async () => {
  jest.useFakeTimers();
  const ids = Array.from({ length: 100 }, () => randomUUID());
  let begun = 0;
  const bulk = service((taskId) => {
    begun += 1;
    return stalled(taskId);
  });
  const started = Date.now();
  let answeredAt = 0;
  const answer = bulk.run(actor, { action: 'urge', taskIds: ids }, 'en', 'k').then((a) => {
    answeredAt = Date.now();
    return a;
  });
  await jest.advanceTimersByTimeAsync(BULK_START_BUDGET_MS + UPDATE_PATIENCE_MS + 1);
  const { results, succeeded, failed } = await answer;
  const seconds = (answeredAt - started) / 1000;
  // 8 lanes: 8 rows at 0 s, 8 at 10 s; at 20 s the budget is spent and the 84 others are not begun.
  expect(seconds).toBeLessThanOrEqual((BULK_START_BUDGET_MS + UPDATE_PATIENCE_MS) / 1000);
  expect(begun).toBe(16);
  expect({ succeeded, failed }).toEqual({ succeeded: 0, failed: 100 });
  const codes = results.map((r: { status: number; code: string }) => `${r.status} ${r.code}`);
  expect(codes.slice(0, 16)).toEqual(Array(16).fill('503 WORKFLOW_TASK_RETRYING'));
  expect(codes.slice(16)).toEqual(Array(84).fill('503 BULK_NOT_TRIED'));
  expect(results[99].message).toBe('not tried: the bulk action ran out of time, try again');
});
