import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { AppConfig, CONFIG, ConfigError, loadConfig } from '@hardtech/config';
import { createActivities } from '@hardtech/activities';
import { Client } from '@temporalio/client';
import { ensureQuarterlySchedule, TEMPORAL_CLIENT, temporalConnectionOptions } from '@hardtech/temporal';
import { WorkerModule } from './worker.module';
import { workflowSource } from './workflow-bundle';

/** The Temporal worker: workflows from the bundle, activities from the Nest context. */
async function main(): Promise<void> {
  loadConfig(); // fail fast, with every problem named, before anything connects
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const config = app.get<AppConfig>(CONFIG);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    ...workflowSource(),
    activities: createActivities(app),
    // Drain: on SIGTERM finish what is running within the grace period, then exit.
    shutdownGraceTime: '20s',
  });
  // 一季一调度: the schedule exists as soon as a worker does (idempotent across workers).
  const schedule = await ensureQuarterlySchedule(app.get<Client>(TEMPORAL_CLIENT), config.temporal.taskQueue);
  console.log(
    `worker: polling ${config.temporal.taskQueue} on ${config.temporal.address}; quarterly schedule ${schedule}`,
  );

  try {
    await worker.run(); // returns after SIGINT/SIGTERM, which the SDK handles
  } finally {
    await connection.close();
    await app.close();
  }
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
