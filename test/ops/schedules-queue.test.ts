import {
  ANNUAL_REVIEW_SCHEDULE_ID,
  DIGEST_SCHEDULE_ID,
  ensureSchedules,
  QUARTERLY_SCHEDULE_ID,
} from '@hardtech/temporal';
import { tag } from '../support/cast';
import { eventually } from '../support/lifecycle';
import { closeTemporal, temporalClient } from '../support/temporal';
import { kill, startWorker } from '../support/worker-process';

// Every worker start used to ensure the schedules to its own task queue: a worker on a queue of its
// own (a test's, a misconfigured one) left 一季一调度, the digest and the annual review starting their
// workflows where nobody polled once it was gone. Only a worker of TEMPORAL_SCHEDULE_TASK_QUEUE (the
// stack's: scripts/lib/fresh-stack.mjs) keeps them now.
jest.setTimeout(90_000);

const SCHEDULES = [QUARTERLY_SCHEDULE_ID, DIGEST_SCHEDULE_ID, ANNUAL_REVIEW_SCHEDULE_ID];
const stackQueue = process.env.TEMPORAL_SCHEDULE_TASK_QUEUE!;
let worker: ReturnType<typeof startWorker> | null = null;

afterAll(async () => {
  if (worker) await kill(worker.process);
  // Should a worker have re-pointed them (the failure this test guards), the stack gets them back.
  await ensureSchedules(await temporalClient(), stackQueue);
  await closeTemporal();
});

const queuesOfSchedules = async () => {
  const client = await temporalClient();
  return Promise.all(
    SCHEDULES.map(async (id) => {
      const { action } = await client.schedule.getHandle(id).describe();
      return [id, action.type === 'startWorkflow' ? action.taskQueue : null];
    }),
  );
};

it('a worker on a task queue of its own leaves the schedules on the stack’s queue', async () => {
  expect(stackQueue).toBe(process.env.TEMPORAL_TASK_QUEUE);
  const expected = SCHEDULES.map((id) => [id, stackQueue]);
  // The stack's worker ensures them beside its polling: they may be a moment behind its start.
  expect(await eventually(() => queuesOfSchedules().catch(() => null))).toEqual(expected);

  const ownQueue = `schedules-queue-${tag()}`;
  worker = startWorker(ownQueue);
  const output: string[] = [];
  const schedulesDone = new Promise<string>((resolve, reject) => {
    worker!.process.stdout!.on('data', (d) => {
      output.push(String(d));
      const line = output
        .join('')
        .split('\n')
        .find((l) => l.includes('worker: schedules'));
      if (line) resolve(line);
    });
    worker!.process.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  await worker.ready;
  const line = await schedulesDone;
  expect(line).toContain(
    `worker: schedules left to the workers of ${stackQueue} (this one polls ${ownQueue})`,
  );
  expect(await queuesOfSchedules()).toEqual(expected);
});
