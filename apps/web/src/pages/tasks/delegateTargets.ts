import type { Candidate } from './taskTypes';

/**
 * Why 转办 has nobody to hand the task to: the active users who may do it are the caller alone, the
 * caller and whoever holds it, or nobody at all (a coordinator's view of a one-officer district).
 * `personal`: the caller alone because the task names them (`user:<name>` only, as the commissioner
 * assigned at admission does a DIAGNOSE): no new user or wider scope changes that, a proxy does.
 */
export type NoDelegate = 'onlyYou' | 'onlyHolder' | 'nobody' | 'personal';

/** The task's candidate groups name people only (libs/domain access.ts `user:<username>`). */
export const isPersonalTask = (candidateGroups: readonly string[]): boolean =>
  candidateGroups.length > 0 && candidateGroups.every((g) => g.startsWith('user:'));

/**
 * Whom 转办 may pick from the task's candidates (never who holds it), or why no one. The caller is
 * left out, but for a proxy (委托代理) on the principal's task: the server marks them `onBehalfOf`,
 * and handing it to themselves takes it for the principal, as the API allows.
 */
export function delegateTargets(
  candidates: Candidate[],
  candidateGroups: readonly string[] = [],
): { targets: Candidate[]; none: NoDelegate | null } {
  const targets = candidates.filter((c) => !c.assignee && (!c.self || !!c.onBehalfOf));
  if (targets.length) return { targets, none: null };
  if (candidates.some((c) => c.assignee && !c.self)) return { targets, none: 'onlyHolder' };
  if (!candidates.some((c) => c.self)) return { targets, none: 'nobody' };
  return { targets, none: isPersonalTask(candidateGroups) ? 'personal' : 'onlyYou' };
}
