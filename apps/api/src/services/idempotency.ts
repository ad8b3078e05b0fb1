import { isDeepStrictEqual } from 'node:util';
import { InvalidInput, t } from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';

// The Update id of a completion is made in libs/temporal: the worker's read-model repair needs it too.
export { completionUpdateId } from '@hardtech/temporal';
import type { Completion } from '@hardtech/temporal';
export type { Completion };

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
