import { Global, Module } from '@nestjs/common';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { RequestAuditMiddleware } from './request-audit.middleware';

/**
 * The request audit log for the API (mounted by main.ts ahead of the body parser, so it sees every
 * request); services append with the AuditRepository of PersistenceModule; the signed checkpoints
 * of the chain's head.
 */
@Global()
@Module({
  providers: [RequestAuditMiddleware, AuditCheckpoints],
  exports: [RequestAuditMiddleware, AuditCheckpoints],
})
export class AuditModule {}
