import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, CONFIG } from '@hardtech/config';
import { AccessService } from './access/access.service';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { ActivePolicyRepository } from './repositories/active-policy.repository';
import { AttachmentsRepository } from './repositories/attachments.repository';
import { AuditRepository } from './repositories/audit.repository';
import { CalendarRepository } from './repositories/calendar.repository';
import { ClustersRepository } from './repositories/clusters.repository';
import { EnterprisesRepository } from './repositories/enterprises.repository';
import { HealthRepository } from './repositories/health.repository';
import { MembershipRepository } from './repositories/membership.repository';
import { NotificationFeedRepository } from './repositories/notification-feed.repository';
import { NotificationsRepository } from './repositories/notifications.repository';
import { OverdueRepository } from './repositories/overdue.repository';
import { PolicyChanges } from './repositories/policy-changes';
import { PolicyRepository } from './repositories/policy.repository';
import { PreferencesRepository } from './repositories/preferences.repository';
import { ProblemDecisionNoticesRepository } from './repositories/problem-decision-notices.repository';
import { ProblemsRepository } from './repositories/problems.repository';
import { ProjectionRepository } from './repositories/projection.repository';
import { ReadModelRepairRepository } from './repair/read-model-repair.repository';
import { ReportsRepository } from './repositories/reports.repository';
import { SavedViewsRepository } from './repositories/saved-views.repository';
import { SingleSignOnRepository } from './repositories/single-sign-on.repository';
import { SecurityPolicyRepository } from './repositories/security-policy.repository';
import { SessionsRepository } from './repositories/sessions.repository';
import { TaskNoticesRepository } from './repositories/task-notices.repository';
import { TaskProxiesRepository } from './repositories/task-proxies.repository';
import { TasksRepository } from './repositories/tasks.repository';
import { UsersRepository } from './repositories/users.repository';
import { YearlyCycleRepository } from './repositories/yearly-cycle.repository';

/** Every repository, and the scope rule they apply: the API and the worker get them all from here. */
const REPOSITORIES = [
  AccessService,
  ActivePolicyRepository,
  AttachmentsRepository,
  AuditRepository,
  CalendarRepository,
  ClustersRepository,
  EnterprisesRepository,
  HealthRepository,
  MembershipRepository,
  NotificationFeedRepository,
  NotificationsRepository,
  OverdueRepository,
  PolicyChanges,
  PolicyRepository,
  PreferencesRepository,
  ProblemDecisionNoticesRepository,
  ProblemsRepository,
  ProjectionRepository,
  ReadModelRepairRepository,
  ReportsRepository,
  SavedViewsRepository,
  SingleSignOnRepository,
  SecurityPolicyRepository,
  SessionsRepository,
  TaskNoticesRepository,
  TaskProxiesRepository,
  TasksRepository,
  UsersRepository,
  YearlyCycleRepository,
];

/** TypeORM for the API and the worker; the config comes from the host's CONFIG provider. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config),
        retryAttempts: 30,
        retryDelay: 1000,
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
