/**
 * How a lifecycle keys the tasks it opens for something other than a state: a whistle's answer and
 * the coordinators' decisions on a ledger problem carry what they are about in their key, which the
 * workflow, the inbox's SQL and the API read back.
 */

import type { TaskType } from './task-types';

/** The ledger's tasks, beside the path: each is about one problem, which its key names. */
export const LEDGER_TASK_TYPES: readonly TaskType[] = [
  'WHISTLE_RESPONSE',
  'PROBLEM_CLOSE',
  'PROBLEM_EXTENSION',
];

const WHISTLE_KEY = 'whistle:';
const CLOSE_KEY = 'problem-close:';
const EXTENSION_KEY = 'problem-extension:';

/** How a PROBLEM_CLOSE's and a PROBLEM_EXTENSION's key starts, before the problem's id. */
export const PROBLEM_TASK_KEY_PREFIXES = [CLOSE_KEY, EXTENSION_KEY] as const;

export function whistleKey(whistleId: string): string {
  return `${WHISTLE_KEY}${whistleId}`;
}

/** The whistle a WHISTLE_RESPONSE task answers, from its key. */
export function whistleIdOf(taskKey: string): string | undefined {
  return taskKey.startsWith(WHISTLE_KEY) ? taskKey.slice(WHISTLE_KEY.length) : undefined;
}

export function problemCloseKey(problemId: string): string {
  return `${CLOSE_KEY}${problemId}`;
}

export function problemExtensionKey(problemId: string): string {
  return `${EXTENSION_KEY}${problemId}`;
}

/**
 * The ledger problem a task of `key` is about: the one a PROBLEM_CLOSE or PROBLEM_EXTENSION decides
 * (its key names it), or the one the whistle a WHISTLE_RESPONSE answers was blown on (among the
 * lifecycle's `whistles`). The task keeps it (tasks.problem_id): a problem's latest whistle moves on
 * when the enterprise whistles again, and a done 部门报到 still answered the problem it answered.
 */
export function taskProblemId(
  key: string,
  whistles: readonly { id: string; problemId: string }[],
): string | undefined {
  const whistleId = whistleIdOf(key);
  return whistleId !== undefined ? whistles.find((w) => w.id === whistleId)?.problemId : problemIdOf(key);
}

/** The problem a PROBLEM_CLOSE or PROBLEM_EXTENSION decides, from its key. */
export function problemIdOf(taskKey: string): string | undefined {
  for (const prefix of PROBLEM_TASK_KEY_PREFIXES) {
    if (taskKey.startsWith(prefix)) return taskKey.slice(prefix.length);
  }
  return undefined;
}
