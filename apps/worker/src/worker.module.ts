import { Module } from '@nestjs/common';
import { ConfigModule } from '@hardtech/config';
import {
  CalendarRepository,
  MembershipRepository,
  NotificationsRepository,
  PersistenceModule,
  PolicyRepository,
  ProjectionRepository,
} from '@hardtech/persistence';
import { ACTIVITY_SERVICES } from '@hardtech/activities';
import { TemporalClientModule } from '@hardtech/temporal';
import { WebhookDeliverer } from './delivery/webhook-deliverer';

/** The worker's application context: no HTTP, just what activities need injected. */
@Module({
  // The Temporal client is for activities that signal workflows (the quarterly dispatch).
  imports: [ConfigModule, PersistenceModule, TemporalClientModule],
  providers: [
    CalendarRepository,
    MembershipRepository,
    NotificationsRepository,
    PolicyRepository,
    ProjectionRepository,
    WebhookDeliverer,
    ...ACTIVITY_SERVICES,
  ],
})
export class WorkerModule {}
