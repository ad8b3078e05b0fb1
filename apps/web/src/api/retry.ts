import { useCallback, useRef, useState } from 'react';
import i18n from '../i18n';
import { ApiError } from './client';

/** At most this many sends of one request (the first and its retries)… */
export const MAX_TRIES = 6;
/** …within about this long: no retry is waited for that would start later. */
export const MAX_RETRY_MS = 60_000;
/** A Retry-After longer than this is waited for this long. */
const MAX_WAIT_SECONDS = 30;

/** Where an automatic retry stands: the send about to be made and how long is waited before it. */
export interface RetryState {
  /** The send being waited for (2 = the first retry). */
  attempt: number;
  tries: number;
  waitSeconds: number;
}

export interface RetryOptions {
  /** Only these codes of a 503 are retried; any 503 with Retry-After when not given. */
  codes?: string[];
  /** Aborted: no further retry is sent, and the wait ends with the last refusal. */
  signal?: AbortSignal;
  onRetry?(state: RetryState): void;
}

/** A 503 the API asks to be sent again (Retry-After): never a 4xx, nor a 5xx without Retry-After. */
export function retryable(e: unknown, codes?: string[]): e is ApiError & { retryAfter: number } {
  return (
    e instanceof ApiError &&
    e.status === 503 &&
    e.retryAfter !== undefined &&
    (!codes || codes.includes(e.code))
  );
}

/** Resolves after `ms`, or at once when `signal` is aborted; says whether it waited the whole time. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (waited: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve(waited);
    };
    const stop = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', stop);
  });
}

/** Thrown when the retries ran out (or were cancelled) while the API still answered 503. */
export class RetriesExhausted extends Error {
  constructor(
    readonly last: ApiError,
    readonly tries: number,
    readonly cancelled: boolean,
  ) {
    super(last.message);
  }
}

/**
 * Sends `send` again while the API answers 503 with Retry-After (a workflow task being retried,
 * PostgreSQL or Temporal away), after the seconds it asks, at most MAX_TRIES sends within about
 * MAX_RETRY_MS. `send` must be the same request each time (for a completion, the same
 * Idempotency-Key): the server applies it once. Any other refusal is thrown at once.
 */
export async function sendRetrying<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (e) {
      if (!retryable(e, options.codes)) throw e;
      const waitSeconds = Math.min(e.retryAfter, MAX_WAIT_SECONDS);
      const late = Date.now() + waitSeconds * 1000 - started > MAX_RETRY_MS;
      if (attempt >= MAX_TRIES || late || options.signal?.aborted)
        throw new RetriesExhausted(e, attempt, !!options.signal?.aborted);
      options.onRetry?.({ attempt: attempt + 1, tries: MAX_TRIES, waitSeconds });
      if (!(await pause(waitSeconds * 1000, options.signal))) throw new RetriesExhausted(e, attempt, true);
    }
  }
}

/**
 * sendRetrying for a button or form: `retrying` while a retry is waited for or sent (for the
 * page to say 正在重试… and keep the form still), `cancel` to stop retrying. When it gives up (or
 * is stopped) the last 503 is thrown worded for the officer: tried n times, the input is kept.
 */
export function useRetrying() {
  const [retrying, setRetrying] = useState<RetryState | null>(null);
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(async <T>(send: () => Promise<T>, codes?: string[]): Promise<T> => {
    controller.current = new AbortController();
    try {
      return await sendRetrying(send, { codes, signal: controller.current.signal, onRetry: setRetrying });
    } catch (e) {
      if (!(e instanceof RetriesExhausted)) throw e;
      const message = e.cancelled
        ? i18n.t('retry.cancelled', { ns: 'common' })
        : i18n.t('retry.gaveUp', { ns: 'common', count: e.tries });
      throw new ApiError(e.last.status, e.last.code, message, e.last.details, e.last.retryAfter);
    } finally {
      controller.current = null;
      setRetrying(null);
    }
  }, []);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { retrying, run, cancel };
}
