import { createHash } from 'node:crypto';

/** What a completion sends besides its task: the part of the body an Update id is made of. */
export interface Completion {
  outcome: string;
  data: Record<string, unknown>;
}

/** JSON with sorted keys, so equal requests hash equally whatever the order of their fields. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Temporal deduplicates Updates by id, so a retried request (same caller, key and body) attaches to
 * the first completion instead of making a second. The body is part of the id: the same key with a
 * different body is another completion, which the workflow refuses (409). The read-model repair
 * (apps/worker/src/repair) re-sends a completion the inbox recorded under this same id.
 */
export function completionUpdateId(taskId: string, username: string, key: string, body: Completion): string {
  const digest = createHash('sha256')
    .update(`${username}\n${key}\n${body.outcome}\n${canonicalJson(body.data)}`)
    .digest('hex');
  return `complete:${taskId}:${digest.slice(0, 40)}`;
}

/** The task actions besides complete an Idempotency-Key applies once (their Update's kind in its id). */
export type KeyedAction =
  'return' | 'withdraw' | 'countersign' | 'urge' | 'cc' | 'claim' | 'unclaim' | 'delegate';

/**
 * The Update id of a task action sent with an Idempotency-Key, made as completionUpdateId's: a
 * retry (same action, task, caller, key and body) is the same Update, which Temporal applies once
 * and answers with its first outcome. Another body under the same key is another action, as
 * another completion is: answered as any such action would be.
 */
export function actionUpdateId(
  action: KeyedAction,
  taskId: string,
  username: string,
  key: string,
  body: unknown,
): string {
  const digest = createHash('sha256')
    .update(`${username}\n${key}\n${canonicalJson(body ?? {})}`)
    .digest('hex');
  return `${action}:${taskId}:${digest.slice(0, 40)}`;
}
