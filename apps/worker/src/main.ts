import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import { AppConfig, loadConfig } from '@hardtech/config';
import { createActivities } from '@hardtech/activities';
import {
  createLogger,
  Logger,
  createMetricsRegistry,
  activeTracing,
  NestJsonLogger,
  runMain,
  TemporalJsonLogger,
} from '@hardtech/observability';
import { grpcCodeOf, OperationsClient, temporalConnectionOptions } from '@hardtech/temporal';
import { activityMetrics } from './activity-metrics';
import { freeLocalPort, startOpsServer } from './ops-server';
import { WorkerModule } from './worker.module';
import { PRELOADED_MODULES, workflowSource, WORKFLOWS_PATH } from './workflow-bundle';
import { maxCachedWorkflows } from './workflow-cache';
import { withoutWorkflowStackTraces } from './workflow-stack-traces';

const SDK_LEVELS = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const;

/** The Temporal worker: workflows from the bundle, activities from the Nest context. */
async function main(config: AppConfig): Promise<void> {
  const logger = createLogger('worker', config.logLevel);
  const registry = createMetricsRegistry('worker');
  const sdkMetricsPort = config.worker.sdkMetricsPort || (await freeLocalPort());
  Runtime.install({
    // The SDK's, the workflows' and the activities' log lines, and Core's (forwarded), as JSON.
    logger: new TemporalJsonLogger(logger),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: SDK_LEVELS[config.logLevel], other: 'ERROR' } },
      metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } },
    },
    // SIGTERM (compose, Kubernetes) and SIGINT (Ctrl-C) start the drain.
    shutdownSignals: ['SIGTERM', 'SIGINT'],
  });
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new NestJsonLogger(logger),
  });
  const { address, namespace, taskQueue } = config.temporal;
  const connection = await NativeConnection.connect(temporalConnectionOptions(config)).catch((e) => {
    throw new Error(`cannot reach Temporal at ${address}: ${e instanceof Error ? e.message : e}`);
  });
  const tracing = activeTracing();
  if (!config.worker.workflowStackTraces) withoutWorkflowStackTraces();
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    // With tracing on, the plugin adds the workflow interceptors to the bundle it builds now (the
    // prebuilt bundle has none: tracing off leaves the workflow code exactly as replay tests check it).
    ...(tracing
      ? {
          workflowsPath: WORKFLOWS_PATH,
          bundlerOptions: { preloadModules: PRELOADED_MODULES },
          plugins: [new OpenTelemetryPlugin(tracing)],
        }
      : workflowSource()),
    activities: createActivities(app),
    interceptors: { activity: [activityMetrics(registry)] },
    // The pool's lifecycles all stay cached: a quarterly dispatch ticks every member at once, and a
    // lifecycle evicted to make room is fetched and replayed in full on its next task (issue 21 (e)).
    maxCachedWorkflows: maxCachedWorkflows(config.worker.maxCachedWorkflows),
    ...sandboxTimeout(config.worker.isolateExecutionTimeoutMs),
    // Drain: on SIGTERM finish what is running within the grace period, then exit.
    shutdownGraceTime: `${config.worker.shutdownGraceSeconds}s`,
  }).catch((e) => {
    throw new Error(
      `cannot start polling ${namespace}/${taskQueue} at ${address}: ${e instanceof Error ? e.message : e}`,
    );
  });
  const ops = await startOpsServer({
    port: config.worker.httpPort,
    worker,
    registry,
    sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
    logger,
  });
  logger.info(
    { namespace, taskQueue, address, httpPort: ops.port, identity: worker.options.identity },
    `worker: polling ${taskQueue} on ${address}; health and metrics on :${ops.port}`,
  );
  let stopping = 0;
  const stopped = new AbortController();
  const onStop = () => ((stopping = Date.now()), stopped.abort());
  process.once('SIGTERM', onStop);
  process.once('SIGINT', onStop);
  const running = worker.run(); // resolves after SIGINT/SIGTERM once running tasks finished (or the grace ended)
  try {
    // 一季一调度, the digest and the annual review exist as soon as a worker of their queue does
    // (idempotent), ensured beside the polling: a server just restarted may not describe a schedule
    // for a while, and the lifecycles need not wait for that. Given up after the retries, the worker stops (exit 1).
    await ensureWorkerSchedules(app.get(OperationsClient), config, logger, stopped.signal).catch((e) => {
      // Cut short by a stop, they are the next start's to ensure: the drain goes on (exit 0).
      if (stopped.signal.aborted)
        return logger.warn({ err: e }, 'worker: stopped before the schedules were ensured');
      if (worker.getState() === 'RUNNING') worker.shutdown();
      throw e;
    });
    await running;
  } finally {
    await running.catch(() => undefined);
    ops.server.close();
    await connection.close();
    await app.close();
    await tracing?.shutdown();
  }
  logger.info({ drainMs: stopping ? Date.now() - stopping : undefined }, 'worker: drained and stopped');
}

/**
 * Wall-clock time one call into a workflow's sandbox may take: above the SDK's 5 s (see libs/config).
 * WorkerOptions' type leaves isolateExecutionTimeout out ("not exposed at the moment"), yet the SDK
 * reads it from the options given: addDefaultWorkerOptions spreads them over its default (1.24).
 * test/serial/isolate-timeout.test.ts fails should an upgrade stop reading it.
 */
function sandboxTimeout(ms: number): { isolateExecutionTimeout: number } {
  return { isolateExecutionTimeout: ms };
}

/**
 * The schedules, each retry logged (a server that cannot describe them yet), the outcome too — by a
 * worker of the schedules' queue (TEMPORAL_SCHEDULE_TASK_QUEUE, by default TEMPORAL_TASK_QUEUE)
 * only. A worker on another queue (a test's own, a canary, a misconfigured one) leaves them alone:
 * ensured to its own queue they would start the dispatch, the digest and the review where no worker
 * of the deployment polls once it is gone, and ensured to the configured queue by it they would be
 * written by code that may not be the code that runs them (another version's spec or workflow
 * type), nor is it known to be polled. The workers that run the schedules' workflows keep them.
 */
async function ensureWorkerSchedules(
  operations: OperationsClient,
  { temporal: { taskQueue, scheduleTaskQueue } }: AppConfig,
  logger: Logger,
  signal: AbortSignal,
): Promise<void> {
  if (taskQueue !== scheduleTaskQueue) {
    logger.info(
      { taskQueue, scheduleTaskQueue },
      `worker: schedules left to the workers of ${scheduleTaskQueue} (this one polls ${taskQueue})`,
    );
    return;
  }
  const schedule = await operations.ensureSchedules({
    signal,
    onRetry: ({ scheduleId, attempt, delayMs, error }) =>
      logger.warn(
        { scheduleId, attempt, delayMs, grpcCode: grpcCodeOf(error), err: error },
        `worker: schedule ${scheduleId} not ensured yet (${describeError(error)}); trying again in ${delayMs / 1000} s`,
      ),
  });
  logger.info({ schedule }, `worker: schedules ${JSON.stringify(schedule)}`);
}

function describeError(e: unknown): string {
  const cause = (e as { cause?: { details?: string } }).cause;
  return [(e as Error).message, cause?.details].filter(Boolean).join(': ');
}

runMain('worker', loadConfig, main);
