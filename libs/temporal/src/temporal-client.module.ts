import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig, CONFIG } from '@hardtech/config';
import { temporalConnectionOptions } from './connection-options';
import { logContextInterceptor } from './log-context.interceptor';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/**
 * The Temporal client for the API. Connecting is lazy, so the API comes up (and reports an
 * unhealthy Temporal on /api/health) even while the server is still starting.
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
          interceptors: { workflow: [logContextInterceptor()] },
        }),
    },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
