import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig, CONFIG, ConfigModule } from '@hardtech/config';
import { PersistenceModule } from '@hardtech/persistence';
import { TemporalClientModule } from '@hardtech/temporal';
import { DiskFileStore } from './files/disk-file-store';
import { FILE_SCANNER, SignatureScanner } from './files/file-scanner';
import { FILE_STORE } from './files/file-store';
import { AttachmentsService } from './services/attachments.service';
import { BulkTasksService } from './services/bulk-tasks.service';
import { ProxyService } from './services/proxy.service';
import { TaskActionsService } from './services/task-actions.service';
import { CaseFileService } from './services/case-file.service';
import { SavedViewsService } from './services/saved-views.service';
import { ClusterFilterService } from './services/cluster-filter.service';
import { AuditModule } from './audit/audit.module';
import { AdminController } from './controllers/admin.controller';
import { ClustersController } from './controllers/clusters.controller';
import { AttachmentsController } from './controllers/attachments.controller';
import { BulkTasksController } from './controllers/bulk-tasks.controller';
import { ProxyController } from './controllers/proxy.controller';
import { TaskActionsController } from './controllers/task-actions.controller';
import { AuthGuard } from './auth/auth.guard';
import { IDENTITY_PROVIDER } from './auth/identity-provider';
import { LocalJwtIdentityProvider } from './auth/local-jwt.identity-provider';
import { AuditController } from './controllers/audit.controller';
import { AuthController } from './controllers/auth.controller';
import { EnterprisesController } from './controllers/enterprises.controller';
import { HealthController } from './controllers/health.controller';
import { NominationsController } from './controllers/nominations.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { OverdueController } from './controllers/overdue.controller';
import { PoolController } from './controllers/pool.controller';
import { PreferencesController } from './controllers/preferences.controller';
import { ProblemsController } from './controllers/problems.controller';
import { ReferenceController } from './controllers/reference.controller';
import { SavedViewsController } from './controllers/saved-views.controller';
import { SingleSignOnController } from './controllers/single-sign-on.controller';
import { SecurityController } from './controllers/security.controller';
import { ReportsController } from './controllers/reports.controller';
import { TasksController } from './controllers/tasks.controller';
import { ApprovalActionsController } from './controllers/approval-actions.controller';
import { TemporalUiController } from './controllers/temporal-ui.controller';
import { UsersController } from './controllers/users.controller';
import { WhistlesController } from './controllers/whistles.controller';
import { YearlyCycleController } from './controllers/yearly-cycle.controller';
import { DemoSeed } from './seed/demo-seed';
import { AuditService } from './services/audit.service';
import { AuthService } from './services/auth.service';
import { PasswordHasher } from './services/password-hasher';
import { SingleSignOnService } from './auth/single-sign-on/single-sign-on.service';
import { DispatchService } from './services/dispatch.service';
import { YearlyCycleService } from './services/yearly-cycle.service';
import { EnterprisesService } from './services/enterprises.service';
import { DispatchBriefingService } from './briefing/dispatch-briefing.service';
import { ExportsService } from './services/exports.service';
import { PrintoutsService } from './services/printouts.service';
import { HealthService } from './services/health.service';
import { HistoryService } from './services/history.service';
import { LedgerScopeService } from './services/ledger-scope.service';
import { MAX_IMPORT_CERTIFICATES, NominationImportService } from './services/nomination-import.service';
import { NominationsService } from './services/nominations.service';
import { NotificationsService } from './services/notifications.service';
import { PolicyService } from './services/policy.service';
import { PoolService } from './services/pool.service';
import { PreferencesService } from './services/preferences.service';
import { ProblemWorkService } from './services/problem-work.service';
import { ProblemsService } from './services/problems.service';
import { ReportsService } from './services/reports.service';
import { SecurityService } from './services/security.service';
import { TrustedProxies } from './security/trusted-proxies';
import { TaskReferences } from './services/task-references';
import { TasksService } from './services/tasks.service';
import { ApprovalActionsService } from './services/approval-actions.service';
import { UsersService } from './services/users.service';
import { WhistlesService } from './services/whistles.service';

@Module({
  imports: [
    ConfigModule,
    PersistenceModule,
    TemporalClientModule,
    AuditModule,
    // Uploads stop being read past the configured size (issue 20.6): never held whole in memory.
    MulterModule.registerAsync({
      inject: [CONFIG],
      useFactory: (config: AppConfig) => ({
        // One file per field (routes name their fields); the batch import also takes its certificates.
        limits: { fileSize: config.files.maxBytes, files: 1 + MAX_IMPORT_CERTIFICATES, fields: 10 },
      }),
    }),
    JwtModule.registerAsync({
      global: true,
      inject: [CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject: given a string, jsonwebtoken first tries it as a PEM public key and builds
        // a secret key only after that throws, on every request (issue 9: 2 ms of CPU each).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [
    YearlyCycleController,
    AdminController,
    ClustersController,
    AttachmentsController,
    // Before TasksController, like the overdue summary: a fixed path under tasks/.
    BulkTasksController,
    AuditController,
    AuthController,
    EnterprisesController,
    HealthController,
    NominationsController,
    NotificationsController,
    // Before TasksController: GET tasks/overdue/summary must not be read as a task id.
    OverdueController,
    PoolController,
    PreferencesController,
    ProblemsController,
    ReferenceController,
    SavedViewsController,
    SingleSignOnController,
    ReportsController,
    SecurityController,
    TasksController,
    TaskActionsController,
    ProxyController,
    ApprovalActionsController,
    TemporalUiController,
    UsersController,
    WhistlesController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: IDENTITY_PROVIDER, useClass: LocalJwtIdentityProvider },
    AttachmentsService,
    BulkTasksService,
    ProxyService,
    TaskActionsService,
    CaseFileService,
    ClusterFilterService,
    SavedViewsService,
    {
      provide: FILE_STORE,
      inject: [CONFIG],
      useFactory: (config: AppConfig) => new DiskFileStore(config.files.dir),
    },
    { provide: FILE_SCANNER, useClass: SignatureScanner },
    AuditService,
    AuthService,
    PasswordHasher,
    SingleSignOnService,
    DemoSeed,
    DispatchService,
    YearlyCycleService,
    EnterprisesService,
    ExportsService,
    DispatchBriefingService,
    PrintoutsService,
    HealthService,
    HistoryService,
    LedgerScopeService,
    NominationImportService,
    NominationsService,
    NotificationsService,
    PolicyService,
    PoolService,
    PreferencesService,
    ProblemsService,
    ProblemWorkService,
    ReportsService,
    SecurityService,
    TrustedProxies,
    TaskReferences,
    TasksService,
    ApprovalActionsService,
    UsersService,
    WhistlesService,
  ],
})
export class AppModule {}
