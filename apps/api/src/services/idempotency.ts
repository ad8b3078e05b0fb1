import { isDeepStrictEqual } from 'node:util';
import { DomainError, InvalidInput, t } from '@hardtech/domain';
import type { TaskEntity } from '@hardtech/persistence';
import { actionUpdateId, domainErrorFrom, type KeyedAction, type LifecycleClient } from '@hardtech/temporal';

// The Update id of a completion is made in libs/temporal: the worker's read-model repair needs it too.
export { actionUpdateId, completionUpdateId } from '@hardtech/temporal';
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

/** The Update id of a task action sent with a key (undefined without one: keyless, as before). */
export function keyedUpdateId(
  action: KeyedAction,
  taskId: string,
  username: string,
  key: string | undefined,
  body: unknown,
): string | undefined {
  return key === undefined ? undefined : actionUpdateId(action, taskId, username, key, body);
}

/**
 * Runs a keyed task action: `act` checks it against the read model and sends its Update with
 * `updateId`. Sent again with the same key and body, the Update reaches Temporal, which answers it
 * with its first outcome; but a retry of an action that was applied is mostly refused before it
 * (退回 again: the task is no longer open; 抄送 or 加签 again: already copied, already asked). Such
 * a refusal of a keyed retry is answered with the first outcome when the lifecycle has the Update,
 * and stands when it has none (never sent, or refused by its validator, which keeps nothing).
 */
export async function keyedAction<T>(
  lifecycles: LifecycleClient,
  creditCode: string,
  updateId: string | undefined,
  act: () => Promise<T>,
): Promise<T> {
  try {
    return await act();
  } catch (e) {
    if (!updateId || !(e instanceof DomainError || domainErrorFrom(e))) throw e;
    const first = await lifecycles.updateOutcome<T>(creditCode, updateId);
    if (!first) throw e;
    return first.result;
  }
}
