import { Module } from '@nestjs/common';
import { ConfigModule } from '@hardtech/config';
import { PersistenceModule } from '@hardtech/persistence';
import { ACTIVITY_SERVICES } from '@hardtech/activities';
import { TemporalClientModule } from '@hardtech/temporal';
import { NotificationDeliverer } from './delivery/notification-deliverer';
import { ReadModelRepair } from './repair/read-model-repair';

/** The worker's application context: no HTTP, just what activities need injected. */
@Module({
  // The Temporal client is for activities that signal workflows (the quarterly dispatch).
  imports: [ConfigModule, PersistenceModule, TemporalClientModule],
  providers: [NotificationDeliverer, ReadModelRepair, ...ACTIVITY_SERVICES],
})
export class WorkerModule {}
