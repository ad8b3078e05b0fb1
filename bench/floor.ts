import { randomUUID } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { temporalClient } from '../test/support/temporal';
import { benchNoop, noopUpdate, stopSignal } from './noop.workflow';
import { timed } from './stats';
import { cpuBetween, cpuSnapshot } from './cpu';

/** The engine's floor: Updates on a no-op workflow, answered by a worker of the bench's own. */
export interface FloorRun {
  /** One Update at a time, ms each. */
  sequentialMs: number[];
  /** `concurrency` clients, each one Update at a time on its own workflow, for `seconds`. */
  concurrentMs: number[];
  updatesPerSec: number;
  concurrency: number;
  seconds: number;
  /**
   * CPU ms per Update of the concurrent part: Temporal's, and the bench process's (the no-op's worker
   * and its clients). The same machine's cost of the engine alone, to read a completion's against.
   */
  cpuMsPerUpdate: { temporal: number; benchProcess: number };
}

/** A fixed number of bare Updates from `concurrency` clients: the floor of a fan-out of as many. */
export interface FloorBurst {
  updates: number;
  concurrency: number;
  seconds: number;
}

const TASK_QUEUE = 'bench-floor';
let runtimeInstalled = false;

/**
 * Runs a worker with only the no-op workflow (bench/noop.workflow.ts, bundled here, never in the
 * product's bundle) on the stack's Temporal server, starts `concurrency` no-op workflows (each has
 * had one Update: the first also waits for the workflow's first task), runs `work` on them, stops them.
 */
async function withNoopWorkflows<T>(
  concurrency: number,
  work: (handles: WorkflowHandle<typeof benchNoop>[]) => Promise<T>,
): Promise<T> {
  // The bundler's and the worker's chatter; the runtime is installed once per process.
  runtimeInstalled ||= (Runtime.install({ logger: new DefaultLogger('WARN') }), true);
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
      const handles = await Promise.all(Array.from({ length: concurrency }, start));
      await Promise.all(handles.map((h) => h.executeUpdate(noopUpdate, { args: [0] })));
      const result = await work(handles);
      await Promise.all(handles.map((h) => h.signal(stopSignal)));
      return result;
    });
  } finally {
    await connection.close();
  }
}

/**
 * Updates against the no-op workflow: `samples` one after another, then as many as `concurrency`
 * clients complete in `seconds`.
 */
export function measureFloor(options: {
  samples: number;
  concurrency: number;
  seconds: number;
}): Promise<FloorRun> {
  return withNoopWorkflows(options.concurrency, async (handles) => {
    const sequentialMs: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const h = handles[i % handles.length];
      sequentialMs.push((await timed(() => h.executeUpdate(noopUpdate, { args: [i] }))).ms);
    }
    const concurrentMs: number[] = [];
    const cpuBefore = await cpuSnapshot();
    const benchBefore = process.cpuUsage();
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
    const bench = process.cpuUsage(benchBefore);
    const temporalSeconds = cpuBetween(cpuBefore, await cpuSnapshot()).temporalCpuSeconds ?? NaN;
    const perUpdate = (ms: number) => Math.round((ms / concurrentMs.length) * 100) / 100;
    return {
      cpuMsPerUpdate: {
        temporal: perUpdate(temporalSeconds * 1000),
        benchProcess: perUpdate((bench.user + bench.system) / 1000),
      },
      sequentialMs,
      concurrentMs,
      updatesPerSec: concurrentMs.length / seconds,
      concurrency: options.concurrency,
      seconds,
    };
  });
}

/** The seconds `concurrency` clients take to have `updates` bare Updates answered, one at a time each. */
export function measureFloorBurst(options: { updates: number; concurrency: number }): Promise<FloorBurst> {
  return withNoopWorkflows(options.concurrency, async (handles) => {
    let left = options.updates;
    const started = Date.now();
    await Promise.all(
      handles.map(async (h) => {
        while (left > 0) {
          left--;
          await h.executeUpdate(noopUpdate, { args: [left] });
        }
      }),
    );
    return {
      updates: options.updates,
      concurrency: options.concurrency,
      seconds: (Date.now() - started) / 1000,
    };
  });
}
