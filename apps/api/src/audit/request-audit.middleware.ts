import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { AuditRepository } from '@hardtech/persistence';
import { IDENTITY_PROVIDER, IdentityProvider } from '../auth/identity-provider';
import { LoginThrottle } from '../services/login-throttle';
import { AnsweredRequest, requestAuditEvent, requestIdFrom } from './request-audit';

/** Refused writes without a valid login one client address may make per minute (issue 20.6). */
export const MAX_ANONYMOUS_WRITES_PER_MINUTE = 30;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes the audit event of every state-changing request and of every permission refusal once the
 * answer is out, so guards, pipes and the exception filter have all had their say (the actor the
 * guard verified, the status, the error code). Workflow transitions are logged separately, in the
 * projection's own transaction.
 */
@Injectable()
export class RequestAuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger('RequestAudit');
  /**
   * Writes refused as unauthenticated, per address: past the limit the address's writes without a
   * valid login are answered 429 before anything else runs and are not logged one by one, so nobody
   * can fill the audit log or keep the server busy without an account. A write with a valid login
   * goes on: an address is often many people (an office behind one NAT, a proxy), and one client's
   * failures must not lock its colleagues out (test:faults' fuzz did exactly that).
   */
  private readonly anonymous = new LoginThrottle(MAX_ANONYMOUS_WRITES_PER_MINUTE, 60_000);
  private throttledLogged = new Set<string>();

  constructor(
    private readonly audit: AuditRepository,
    // The identity provider is the application module's (the guard's), resolved on first need.
    private readonly modules: ModuleRef,
  ) {}

  private get identity(): IdentityProvider {
    return this.modules.get<IdentityProvider>(IDENTITY_PROVIDER, { strict: false });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (!res.getHeader('X-Request-Id'))
      res.setHeader('X-Request-Id', requestIdFrom(req.headers['x-request-id']));
    const address = req.ip ?? '';
    if (!WRITES.has(req.method) || !this.anonymous.blocked(address)) {
      this.throttledLogged.delete(address);
      return this.pass(req, res, next);
    }
    // Throttled: only a write that proves a login goes on (a forged token fails its signature
    // before any query); the guard identifies it again, as for every request.
    this.identity.identify(req).then(
      (actor) => (actor ? this.pass(req, res, next) : this.refuse(address, res)),
      () => this.refuse(address, res),
    );
  }

  private pass(req: Request, res: Response, next: NextFunction): void {
    const address = req.ip ?? '';
    res.once('close', () => {
      const actor = (req as { actor?: unknown }).actor;
      if (!actor && res.statusCode === 401 && WRITES.has(req.method)) this.anonymous.fail(address);
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

  private refuse(address: string, res: Response): void {
    if (!this.throttledLogged.has(address)) {
      // Once per address and spell: the one line that says who was throttled.
      if (this.throttledLogged.size > 10_000) this.throttledLogged.clear();
      this.throttledLogged.add(address);
      this.audit
        .append({
          actor: 'anonymous',
          action: 'request.throttled',
          outcome: 'refused',
          status: 429,
          data: { clientAddress: address, limitPerMinute: MAX_ANONYMOUS_WRITES_PER_MINUTE },
        })
        .catch((e) => this.logger.error(`audit event of a throttled address not written: ${e}`));
    }
    res.status(429).setHeader('Retry-After', '60');
    res.json({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'TOO_MANY_REQUESTS',
      message: '未登录的写请求过于频繁，请稍后再试',
      details: [],
    });
  }
}
