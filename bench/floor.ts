import { randomUUID } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { temporalClient } from '../test/support/temporal';
import { benchNoop, noopUpdate, stopSignal } from './noop.workflow';
import { timed } from './stats';

/** The engine's floor: Updates on a no-op workflow, answered by a worker of the bench's own. */
export interface FloorRun {
  /** One Update at a time, ms each. */
  sequentialMs: number[];
  /** `concurrency` clients, each one Update at a time on its own workflow, for `seconds`. */
  concurrentMs: number[];
  updatesPerSec: number;
  concurrency: number;
  seconds: number;
}

const TASK_QUEUE = 'bench-floor';

/**
 * Runs a worker with only the no-op workflow (bench/noop.workflow.ts, bundled here, never in the
 * product's bundle) on the stack's Temporal server, and measures Updates against it: `samples`
 * one after another, then as many as `concurrency` clients complete in `seconds`.
 */
export async function measureFloor(options: {
  samples: number;
  concurrency: number;
  seconds: number;
}): Promise<FloorRun> {
  Runtime.install({ logger: new DefaultLogger('WARN') }); // the bundler's and the worker's chatter
  const client = await temporalClient();
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('./noop.workflow'),
  });
  const start = () =>
    client.workflow.start(benchNoop, { taskQueue: TASK_QUEUE, workflowId: `bench-noop/${randomUUID()}` });
  try {
    return await worker.runUntil(async () => {
      const handles = await Promise.all(Array.from({ length: options.concurrency }, start));
      // Warm-up: the first Update of a workflow also waits for its first workflow task.
      await Promise.all(handles.map((h) => h.executeUpdate(noopUpdate, { args: [0] })));
      const sequentialMs: number[] = [];
      for (let i = 0; i < options.samples; i++) {
        const h = handles[i % handles.length];
        sequentialMs.push((await timed(() => h.executeUpdate(noopUpdate, { args: [i] }))).ms);
      }
      const concurrentMs: number[] = [];
      const until = Date.now() + options.seconds * 1000;
      const started = Date.now();
      await Promise.all(
        handles.map(async (h) => {
          while (Date.now() < until) {
            concurrentMs.push((await timed(() => h.executeUpdate(noopUpdate, { args: [1] }))).ms);
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;
      await Promise.all(handles.map((h) => h.signal(stopSignal)));
      return {
        sequentialMs,
        concurrentMs,
        updatesPerSec: concurrentMs.length / seconds,
        concurrency: options.concurrency,
        seconds,
      };
    });
  } finally {
    await connection.close();
  }
}
