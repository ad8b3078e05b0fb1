import { Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuditRepository } from '@hardtech/persistence';
import { RequestAuditMiddleware } from './request-audit.middleware';

/** The audit log for the API: the repository every service appends with, and the request log. */
@Global()
@Module({
  providers: [AuditRepository, RequestAuditMiddleware],
  exports: [AuditRepository],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestAuditMiddleware).forRoutes('{*splat}');
  }
}
