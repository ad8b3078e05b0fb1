import type { Candidate } from './taskTypes';

/**
 * Why 转办 has nobody to hand the task to: the active users who may do it are the caller alone, the
 * caller and whoever holds it, or nobody at all (a coordinator's view of a one-officer district).
 */
export type NoDelegate = 'onlyYou' | 'onlyHolder' | 'nobody';

/** Whom 转办 may pick from the task's candidates (never the caller, nor who holds it), or why no one. */
export function delegateTargets(
  candidates: Candidate[],
  me: string,
): { targets: Candidate[]; none: NoDelegate | null } {
  const targets = candidates.filter((c) => !c.assignee && c.username !== me);
  if (targets.length) return { targets, none: null };
  if (candidates.some((c) => c.assignee && c.username !== me)) return { targets, none: 'onlyHolder' };
  return { targets, none: candidates.some((c) => c.username === me) ? 'onlyYou' : 'nobody' };
}
