import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@hardtech/domain';

export const PUBLIC_KEY = 'public';
export const ROLES_KEY = 'roles';
export const SELF_SERVICE_KEY = 'selfService';
export const BEFORE_PASSWORD_CHANGE_KEY = 'beforePasswordChange';
export const READERS_MAY_KEY = 'readersMay';
export const CASE_WORK_KEY = 'caseWork';

/** No token needed (login, health, the web UI). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the endpoint; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A write that concerns only the caller's own account (sign out, own password), so read-only roles
 * may make it too. Every other write is refused to them.
 */
export const SelfService = () => SetMetadata(SELF_SERVICE_KEY, true);

/**
 * A write these read-only roles may make too, where the domain's rule for it lets them (领导催办:
 * a leader urges a task; libs/domain/src/approval-actions/urge.ts decides).
 */
export const ReadersMay = (...roles: Role[]) => SetMetadata(READERS_MAY_KEY, roles);

/**
 * The writes of a controller are case work (claim, complete, comment, 催办, 抄送, 退回, 加签…): the
 * three administrators (三员), who work no cases, are refused them as the read-only roles are
 * (403 READ_ONLY_ROLE, before the task is looked up). Reads stay open to whoever the scope lets see.
 */
export const CaseWork = () => SetMetadata(CASE_WORK_KEY, true);

/**
 * Open to an account that must change its password first (who am I, change it, sign out); every
 * other endpoint answers it 403 PASSWORD_CHANGE_REQUIRED.
 */
export const BeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

/** The verified caller, as the guard attached it. Never read identity from the body. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});
