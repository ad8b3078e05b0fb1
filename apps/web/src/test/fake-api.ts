import { vi } from 'vitest';

export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
}

type Answer = { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** A route's answer; a promise answers when it settles (a slow API: see `answeredWhen`). */
export type Handler = (call: FakeCall) => Answer | Promise<Answer>;

/** A route that answers `body` once `ready()` holds (asked every 20 ms): a server answering late. */
export function answeredWhen(body: unknown, ready: () => boolean): Handler {
  return () =>
    new Promise((resolve) => {
      const check = () => (ready() ? resolve({ body }) : setTimeout(check, 20));
      check();
    });
}

/** A route that refuses its first call with 400 naming `field` (as the API's validation does), then answers `ok`. */
export function refusingOnce(
  field: string,
  message: string,
  ok: (call: FakeCall) => { status?: number; body?: unknown } = (call) => ({ body: call.body }),
): Handler {
  let refused = false;
  return (call) => {
    if (refused) return ok(call);
    refused = true;
    return {
      status: 400,
      body: { statusCode: 400, code: 'INVALID_INPUT', message: '输入有误', details: [{ field, message }] },
    };
  };
}

/**
 * Component tests answer the page's HTTP requests from a table of routes, like the API would,
 * and record what the page sent. Integration with the real API is the e2e suite's job.
 */
export function fakeApi(routes: Record<string, Handler | unknown>) {
  const calls: FakeCall[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const call = { method, path: url.pathname.replace(/^\/api/, '') + url.search, body };
    calls.push(call);
    const route = routes[`${method} ${url.pathname.replace(/^\/api/, '')}`];
    const answer = typeof route === 'function' ? await (route as Handler)(call) : { body: route };
    if (route === undefined || answer === undefined) {
      return new Response(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: 'not found' }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }
    return new Response(JSON.stringify(answer.body ?? {}), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls };
}
