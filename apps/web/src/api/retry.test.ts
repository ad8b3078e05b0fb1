import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './client';
import { RetriesExhausted, RetryState, sendRetrying } from './retry';

const RETRYING = { statusCode: 503, code: 'WORKFLOW_TASK_RETRYING', message: '流程正在恢复，请稍后重试' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** fetch answering `answers` in turn (the last one again when they run out), recording the requests. */
function answering(...answers: (() => Response)[]) {
  const sent: RequestInit[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(init);
      return answers[Math.min(sent.length, answers.length) - 1]();
    }),
  );
  return sent;
}
const refused = (retryAfter = '5') => json(503, RETRYING, { 'retry-after': retryAfter });
const complete = () =>
  api('/tasks/t-1/complete', { body: { outcome: 'pass' }, headers: { 'Idempotency-Key': 'k-1' } });

describe('sendRetrying', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('sends the same request again after Retry-After while the API answers 503, then answers', async () => {
    const sent = answering(refused, refused, () => json(200, { stage: 'feedback' }));
    const seen: RetryState[] = [];
    const answer = sendRetrying(complete, { onRetry: (s) => seen.push(s) });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(sent).toHaveLength(1); // Retry-After: 5 is honoured, not sent again sooner
    await vi.advanceTimersByTimeAsync(5_200);
    await expect(answer).resolves.toEqual({ stage: 'feedback' });
    expect(sent).toHaveLength(3);
    expect(sent.map((r) => (r.headers as Record<string, string>)['Idempotency-Key'])).toEqual([
      'k-1',
      'k-1',
      'k-1',
    ]);
    expect(sent.map((r) => r.body)).toEqual(Array(3).fill('{"outcome":"pass"}'));
    expect(seen).toEqual([
      { attempt: 2, tries: 6, waitSeconds: 5 },
      { attempt: 3, tries: 6, waitSeconds: 5 },
    ]);
  });

  it('never retries a 4xx, nor a 503 without Retry-After, nor a code it was not asked to', async () => {
    for (const [answer, codes] of [
      [() => json(409, { code: 'TASK_ALREADY_COMPLETED', message: '已办结' }), undefined],
      [() => json(429, { code: 'URGED_RECENTLY', message: '稍后' }, { 'retry-after': '5' }), undefined],
      [() => json(503, RETRYING), undefined],
      [() => refused(), ['SERVICE_UNAVAILABLE']],
    ] as [() => Response, string[] | undefined][]) {
      const sent = answering(answer);
      const failed = sendRetrying(complete, { codes }).catch((e) => e);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(await failed).toBeInstanceOf(ApiError);
      expect(await failed).not.toBeInstanceOf(RetriesExhausted);
      expect(sent).toHaveLength(1);
    }
  });

  it('gives up after 6 sends, or sooner when the next would start after about a minute', async () => {
    let sent = answering(refused);
    let failed = sendRetrying(complete).catch((e) => e);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await failed).toMatchObject({
      tries: 6,
      cancelled: false,
      last: { code: 'WORKFLOW_TASK_RETRYING' },
    });
    expect(sent).toHaveLength(6);

    sent = answering(() => refused('25'));
    failed = sendRetrying(complete).catch((e) => e);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await failed).toMatchObject({ tries: 3 }); // at 0, 25 and 50 s: 75 s is too late
    expect(sent).toHaveLength(3);
  });

  it('stops waiting when cancelled, and sends nothing more', async () => {
    const sent = answering(refused);
    const stop = new AbortController();
    const failed = sendRetrying(complete, { signal: stop.signal }).catch((e) => e);
    await vi.advanceTimersByTimeAsync(6_000);
    stop.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await failed).toMatchObject({ tries: 2, cancelled: true });
    expect(sent).toHaveLength(2);
  });
});
