import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@hardtech/domain';

export const PUBLIC_KEY = 'public';
export const ROLES_KEY = 'roles';
export const SELF_SERVICE_KEY = 'selfService';

/** No token needed (login, health, the web UI). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the endpoint; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A write that concerns only the caller's own account (sign out, own password), so read-only roles
 * may make it too. Every other write is refused to them.
 */
export const SelfService = () => SetMetadata(SELF_SERVICE_KEY, true);

/** The verified caller, as the guard attached it. Never read identity from the body. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});
