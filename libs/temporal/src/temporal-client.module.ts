import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { AppConfig, CONFIG } from '@hardtech/config';
import { activeTracing } from '@hardtech/observability';
import { temporalConnectionOptions } from './connection-options';
import { LifecycleClient } from './lifecycle-client';
import { logContextInterceptor } from './log-context.interceptor';
import { OperationsClient } from './operations-client';

/** The raw client: injected here only, everything else goes through LifecycleClient or OperationsClient. */
const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * The Temporal clients for the API and the worker's activities. Connecting is lazy, so the API
 * comes up (and reports an unhealthy Temporal on /api/health) even while the server is starting.
 */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CLIENT,
      inject: [CONFIG],
      useFactory: (config: AppConfig) =>
        new Client({
          connection: Connection.lazy(temporalConnectionOptions(config)),
          namespace: config.temporal.namespace,
          interceptors: {
            workflow: [
              logContextInterceptor(),
              // With tracing on, each Update carries the HTTP request's trace into the workflow.
              ...(activeTracing() ? [new OpenTelemetryWorkflowClientInterceptor()] : []),
            ],
          },
        }),
    },
    {
      provide: LifecycleClient,
      inject: [TEMPORAL_CLIENT, CONFIG],
      useFactory: (client: Client, config: AppConfig) =>
        new LifecycleClient(client, config.temporal.taskQueue),
    },
    {
      provide: OperationsClient,
      inject: [TEMPORAL_CLIENT, CONFIG],
      useFactory: (client: Client, config: AppConfig) =>
        new OperationsClient(client, config.temporal.taskQueue),
    },
  ],
  exports: [LifecycleClient, OperationsClient],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
