import { Global, Module } from '@nestjs/common';
import { AuditRepository } from '@hardtech/persistence';
import { RequestAuditMiddleware } from './request-audit.middleware';

/**
 * The audit log for the API: the repository every service appends with, and the request log
 * (mounted by main.ts ahead of the body parser, so it sees every request).
 */
@Global()
@Module({
  providers: [AuditRepository, RequestAuditMiddleware],
  exports: [AuditRepository, RequestAuditMiddleware],
})
export class AuditModule {}
