import { Module } from '@nestjs/common';
import { ConfigModule } from '@hardtech/config';
import {
  MembershipRepository,
  PersistenceModule,
  PolicyRepository,
  ProjectionRepository,
} from '@hardtech/persistence';
import { ACTIVITY_SERVICES } from '@hardtech/activities';

/** The worker's application context: no HTTP, just what activities need injected. */
@Module({
  imports: [ConfigModule, PersistenceModule],
  providers: [MembershipRepository, PolicyRepository, ProjectionRepository, ...ACTIVITY_SERVICES],
})
export class WorkerModule {}
