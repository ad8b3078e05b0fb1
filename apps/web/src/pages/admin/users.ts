// GET/POST /api/users and PATCH /api/users/:username (apps/api/src/dtos/user.dto.ts).
import type { Role, Scope } from '@hardtech/domain/roles';
import type { UserView } from '@hardtech/domain/views';
import { scopeProblems } from '@hardtech/domain/scope-rules';

export type User = UserView;

export type ScopeKey = keyof Scope;

/**
 * The scope fields a role must have, asked of the rule the server applies (an empty scope fails
 * exactly on those), so the form and the server never disagree about what a role needs.
 */
export function requiredScope(role: Role | undefined): ScopeKey[] {
  if (!role) return [];
  return scopeProblems(role, {}, new Set()).map((e) => e.field.replace(/^scope\./, '') as ScopeKey);
}
