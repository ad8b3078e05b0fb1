import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { caseWorkRefusal, DomainError, Forbidden, Role, t } from '@hardtech/domain';
import { AccessService } from '@hardtech/persistence';
import { IDENTITY_PROVIDER, IdentityProvider, PasswordState } from './identity-provider';
import {
  BEFORE_PASSWORD_CHANGE_KEY,
  CASE_WORK_KEY,
  PUBLIC_KEY,
  READERS_MAY_KEY,
  ROLES_KEY,
  SELF_SERVICE_KEY,
} from './decorators';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request passes here: authenticated unless @Public, in role where @Roles says so, and never
 * a write by a read-only role (auditor, leader) unless the endpoint is @SelfService (or @ReadersMay
 * names the role), nor case work (@CaseWork) by an administrator. Scope (which
 * objects) is checked behind it, by the AccessService predicates every repository applies.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & PasswordState & { actor?: unknown }>();
    const actor = await this.identity.identify(req);
    if (!actor)
      throw new DomainError(401, 'UNAUTHENTICATED', t('请先登录或登录已过期', 'missing or expired token'));
    req.actor = actor;
    if (
      req.passwordChangeRequired &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)
    ) {
      throw new Forbidden(
        'PASSWORD_CHANGE_REQUIRED',
        t('请先修改初始密码', 'change the initial password first (POST /api/me/password)'),
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new Forbidden('ROLE_NOT_ALLOWED', t('您的角色无权执行该操作', 'your role may not do this'));
    }
    const selfService = this.reflector.getAllAndOverride<boolean>(SELF_SERVICE_KEY, targets);
    const readersMay = this.reflector.getAllAndOverride<Role[] | undefined>(READERS_MAY_KEY, targets) ?? [];
    if (
      !READS.has(req.method) &&
      !selfService &&
      !readersMay.includes(actor.role) &&
      !this.access.mayWrite(actor)
    ) {
      throw new Forbidden('READ_ONLY_ROLE', t('您的角色只能查看，不能修改', 'your role may only read'));
    }
    if (
      !READS.has(req.method) &&
      !readersMay.includes(actor.role) &&
      this.reflector.getAllAndOverride<boolean>(CASE_WORK_KEY, targets)
    ) {
      const refusal = caseWorkRefusal(actor.role);
      if (refusal) throw refusal;
    }
    return true;
  }
}
