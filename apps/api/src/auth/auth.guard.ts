import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, Forbidden, Role, t } from '@hardtech/domain';
import { IDENTITY_PROVIDER, IdentityProvider } from './identity-provider';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';

/** Every request passes here: authenticated unless @Public, and in role where @Roles says so. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_PROVIDER) private readonly identity: IdentityProvider,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest();
    const actor = await this.identity.identify(req);
    if (!actor)
      throw new DomainError(401, 'UNAUTHENTICATED', t('请先登录或登录已过期', 'missing or expired token'));
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) {
      throw new Forbidden('ROLE_NOT_ALLOWED', t('您的角色无权执行该操作', 'your role may not do this'));
    }
    return true;
  }
}
