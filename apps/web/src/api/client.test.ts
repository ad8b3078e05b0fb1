import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, apiQuiet } from './client';

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('apiQuiet', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers at once when no request is in flight, else once the last one has answered', async () => {
    await apiQuiet();
    const answers: ((r: Response) => void)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((resolve) => answers.push(resolve))),
    );
    const json = () => new Response('{}', { headers: { 'content-type': 'application/json' } });
    const first = api('/tasks');
    const second = api('/notifications');
    let quiet = false;
    void apiQuiet().then(() => (quiet = true));
    await tick();
    answers[0](json());
    await first;
    await tick();
    expect(quiet).toBe(false);
    answers[1](new Response('{}', { status: 500 }));
    await second.catch(() => undefined);
    await tick();
    expect(quiet).toBe(true);
  });
});
