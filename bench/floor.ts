import { randomUUID } from 'node:crypto';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { temporalClient } from '../test/support/temporal';
import {
  benchNoop,
  localActivityUpdate,
  noopUpdate,
  payloadUpdate,
  stopSignal,
  upsertUpdate,
} from './noop.workflow';
import { timed } from './stats';
import { cpuBetween, cpuSnapshot } from './cpu';
import { callsBetween, callSnapshot, TemporalCalls } from './temporal-calls';

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
  /** The gRPC calls the server answered per Update of the concurrent part, by method (bench/temporal-calls.ts). */
  callsPerUpdate: TemporalCalls;
}

/**
 * Issue 21.4: what each kind of command a completion's Update adds costs the server, on the same
 * no-op workflows: Temporal CPU ms per Update (and the bench process's) for each variant.
 */
export interface FloorVariant {
  variant: 'bare' | 'upsert' | 'localActivity' | 'payload';
  what: string;
  updates: number;
  updatesPerSec: number;
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
    activities: { noopActivity: async (n: number) => n },
  });
  const start = () =>
    client.workflow.start(benchNoop, { taskQueue: TASK_QUEUE, workflowId: `bench-noop/${randomUUID()}` });
  try {
    return await worker.runUntil(async () => {
      const handles = await Promise.all(Array.from({ length: concurrency }, start));
      await Promise.all(handles.map((h) => h.executeUpdate(noopUpdate, { args: [0] })));
      const result = await work(handles);
      // Stopped while this worker still runs: none is left for the next phase's worker to finish.
      await Promise.all(handles.map((h) => h.signal(stopSignal)));
      await Promise.all(handles.map((h) => h.result()));
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
    const concurrent = await concurrently(handles, options.seconds, (h, i) =>
      h.executeUpdate(noopUpdate, { args: [i] }),
    );
    return {
      cpuMsPerUpdate: concurrent.cpuMsPerUpdate,
      callsPerUpdate: concurrent.calls,
      sequentialMs,
      concurrentMs: concurrent.ms,
      updatesPerSec: concurrent.ms.length / concurrent.seconds,
      concurrency: options.concurrency,
      seconds: concurrent.seconds,
    };
  });
}

/**
 * Each client sends `call` (with its own counter) one at a time on its workflow for `seconds`: the
 * latencies, and the CPU Temporal and this process used per call.
 */
async function concurrently(
  handles: WorkflowHandle<typeof benchNoop>[],
  seconds: number,
  call: (h: WorkflowHandle<typeof benchNoop>, i: number) => Promise<unknown>,
) {
  const ms: number[] = [];
  const callsBefore = await callSnapshot();
  const cpuBefore = await cpuSnapshot();
  const benchBefore = process.cpuUsage();
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    handles.map(async (h) => {
      for (let i = 1; Date.now() < until; i++) ms.push((await timed(() => call(h, i))).ms);
    }),
  );
  const bench = process.cpuUsage(benchBefore);
  const temporalSeconds = cpuBetween(cpuBefore, await cpuSnapshot()).temporalCpuSeconds ?? NaN;
  const calls = callsBetween(callsBefore, await callSnapshot(), ms.length);
  const perCall = (total: number) => Math.round((total / ms.length) * 100) / 100;
  return {
    ms,
    calls,
    seconds: (Date.now() - started) / 1000,
    cpuMsPerUpdate: {
      temporal: perCall(temporalSeconds * 1000),
      benchProcess: perCall((bench.user + bench.system) / 1000),
    },
  };
}

/**
 * The floor's variants one after another, `seconds` each, from `concurrency` clients: a bare Update,
 * one with an upsert, one with a local activity, one whose argument is `payloadBytes` long (a
 * completion's, as measured in the run).
 */
export function measureFloorVariants(options: {
  concurrency: number;
  seconds: number;
  payloadBytes: number;
}): Promise<FloorVariant[]> {
  const pad = 'x'.repeat(Math.max(0, options.payloadBytes - 2)); // JSON adds the quotes
  const variants: [FloorVariant['variant'], string, Parameters<typeof concurrently>[2]][] = [
    ['bare', 'bare Update', (h, i) => h.executeUpdate(noopUpdate, { args: [i] })],
    ['upsert', 'Update + 1 upsertSearchAttributes', (h, i) => h.executeUpdate(upsertUpdate, { args: [i] })],
    [
      'localActivity',
      'Update + 1 local activity',
      (h, i) => h.executeUpdate(localActivityUpdate, { args: [i] }),
    ],
    [
      'payload',
      `Update with a ${options.payloadBytes}-byte argument`,
      (h) => h.executeUpdate(payloadUpdate, { args: [pad] }),
    ],
  ];
  return withNoopWorkflows(options.concurrency, async (handles) => {
    const results: FloorVariant[] = [];
    for (const [variant, what, call] of variants) {
      const run = await concurrently(handles, options.seconds, call);
      results.push({
        variant,
        what,
        updates: run.ms.length,
        updatesPerSec: Math.round((run.ms.length / run.seconds) * 10) / 10,
        cpuMsPerUpdate: run.cpuMsPerUpdate,
      });
    }
    return results;
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
