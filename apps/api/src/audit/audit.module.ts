import { Global, Module } from '@nestjs/common';
import { RequestAuditMiddleware } from './request-audit.middleware';

/**
 * The request audit log for the API (mounted by main.ts ahead of the body parser, so it sees every
 * request); services append with the AuditRepository of PersistenceModule.
 */
@Global()
@Module({
  providers: [RequestAuditMiddleware],
  exports: [RequestAuditMiddleware],
})
export class AuditModule {}
