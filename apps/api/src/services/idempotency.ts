import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { InvalidInput, t } from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';

export interface Completion {
  outcome: string;
  data: Record<string, unknown>;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header: 1–200 visible ASCII characters (400 otherwise). */
export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !KEY.test(key)) {
    throw new InvalidInput([
      {
        field: 'Idempotency-Key',
        text: t('应为1-200个可见ASCII字符', 'must be 1-200 visible ASCII characters'),
      },
    ]);
  }
  return key;
}

/** JSON with sorted keys, so equal requests hash equally whatever the order of their fields. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Temporal deduplicates Updates by id, so a retried request (same caller, key and body) attaches to
 * the first completion instead of making a second. The body is part of the id: the same key with a
 * different body is another completion, which the workflow refuses (409).
 */
export function completionUpdateId(taskId: string, username: string, key: string, body: Completion): string {
  const digest = createHash('sha256')
    .update(`${username}\n${key}\n${body.outcome}\n${canonical(body.data)}`)
    .digest('hex');
  return `complete:${taskId}:${digest.slice(0, 40)}`;
}

/** A retry of the completion that closed the task: same caller, same key, same outcome and data. */
export function isReplayOf(task: TaskEntity, username: string, key: string, body: Completion): boolean {
  return (
    task.status === 'done' &&
    task.idempotencyKey === key &&
    task.completedBy === username &&
    task.outcome === body.outcome &&
    isDeepStrictEqual(task.data ?? {}, body.data)
  );
}
