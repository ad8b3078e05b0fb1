import { useCallback, useRef } from 'react';
import { ApiError } from '../../api/client';
import { useRetrying } from '../../api/retry';

/** A new Idempotency-Key: 32 hex digits. */
export function randomKey(): string {
  // getRandomValues works on plain-http intranet hosts too, where crypto.randomUUID is absent.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per body being submitted: a retry of the same body after a network error
 * reuses it, so the server applies the completion once; a changed body, or one the server has
 * answered, gets a new key (the same key with another body would be a 409).
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string } | null>(null);
  const keyFor = useCallback((body: unknown) => {
    const json = JSON.stringify(body ?? {});
    if (current.current?.body !== json) current.current = { key: randomKey(), body: json };
    return current.current.key;
  }, []);
  const answered = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, answered };
}

/** The header a keyed request carries. */
export type KeyHeader = { 'Idempotency-Key': string };

/**
 * A task action sent with its Idempotency-Key (提交办理, 退回, 撤回, 加签, 催办, 抄送, 转办): `send`
 * gives `request` the key of `body`, and sends it again by itself while the API answers 503 with
 * Retry-After (useRetrying: `retrying` for RetryNotice, `cancel` for 停止重试), with that key: the
 * server applies the action once. Answered (or refused with a 4xx), the next action gets a new
 * key; a network error, or a 503 retried in vain, keeps it: the officer's next try is the same one.
 */
export function useKeyedSend() {
  const { keyFor, answered } = useIdempotencyKey();
  const { retrying, run, cancel } = useRetrying();
  const send = useCallback(
    async <T>(body: unknown, request: (headers: KeyHeader) => Promise<T>): Promise<T> => {
      const headers = { 'Idempotency-Key': keyFor(body) };
      try {
        const result = await run(() => request(headers));
        answered();
        return result;
      } catch (e) {
        if (e instanceof ApiError && e.status !== 503) answered();
        throw e;
      }
    },
    [keyFor, answered, run],
  );
  return { retrying, send, cancel };
}
