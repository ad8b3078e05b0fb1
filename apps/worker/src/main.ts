import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import { AppConfig, loadConfig } from '@hardtech/config';
import { createActivities } from '@hardtech/activities';
import {
  createLogger,
  createMetricsRegistry,
  activeTracing,
  NestJsonLogger,
  runMain,
  TemporalJsonLogger,
} from '@hardtech/observability';
import { OperationsClient, temporalConnectionOptions } from '@hardtech/temporal';
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
    // Drain: on SIGTERM finish what is running within the grace period, then exit.
    shutdownGraceTime: `${config.worker.shutdownGraceSeconds}s`,
  }).catch((e) => {
    throw new Error(
      `cannot start polling ${namespace}/${taskQueue} at ${address}: ${e instanceof Error ? e.message : e}`,
    );
  });
  // 一季一调度 and the morning digest: the schedules exist as soon as a worker does (idempotent).
  const schedule = await app.get(OperationsClient).ensureSchedules();

  const ops = await startOpsServer({
    port: config.worker.httpPort,
    worker,
    registry,
    sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
    logger,
  });
  logger.info(
    { namespace, taskQueue, address, httpPort: ops.port, identity: worker.options.identity, schedule },
    `worker: polling ${taskQueue} on ${address}; schedules ${JSON.stringify(schedule)}; health and metrics on :${ops.port}`,
  );
  let stopping = 0;
  process.once('SIGTERM', () => (stopping = Date.now()));
  process.once('SIGINT', () => (stopping = Date.now()));
  try {
    await worker.run(); // returns after SIGINT/SIGTERM once running tasks finished (or the grace ended)
  } finally {
    ops.server.close();
    await connection.close();
    await app.close();
    await tracing?.shutdown();
  }
  logger.info({ drainMs: stopping ? Date.now() - stopping : undefined }, 'worker: drained and stopped');
}

runMain('worker', loadConfig, main);
