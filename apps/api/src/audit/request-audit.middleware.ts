import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuditRepository } from '@hardtech/persistence';
import { AnsweredRequest, requestAuditEvent, requestIdFrom } from './request-audit';

/**
 * Writes the audit event of every state-changing request and of every permission refusal once the
 * answer is out, so guards, pipes and the exception filter have all had their say (the actor the
 * guard verified, the status, the error code). Workflow transitions are logged separately, in the
 * projection's own transaction.
 */
@Injectable()
export class RequestAuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger('RequestAudit');

  constructor(private readonly audit: AuditRepository) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!res.getHeader('X-Request-Id'))
      res.setHeader('X-Request-Id', requestIdFrom(req.headers['x-request-id']));
    res.once('close', () => {
      const event = requestAuditEvent(req as unknown as AnsweredRequest, {
        statusCode: res.statusCode,
        errorCode: res.locals.errorCode,
        requestId: String(res.getHeader('X-Request-Id') ?? ''),
        finished: res.writableFinished,
      });
      if (!event) return;
      this.audit.append(event).catch((e) => {
        this.logger.error(`audit event of ${event.action} (${event.requestId}) not written: ${e}`);
      });
    });
    next();
  }
}
