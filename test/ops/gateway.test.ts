import { ADMIN } from '../support/cast';
import { API_URL } from '../support/api';
import { freePort, killAll, spawnApp, waitUntil } from './processes';

// The gateway of the cluster profile and compose: one port in front of API processes, only ready
// ones in rotation, request ids passed on, errors in the API's error body.
jest.setTimeout(60_000);

describe('gateway', () => {
  afterAll(killAll);

  it('balances over the ready API processes and skips one that is down', async () => {
    const [port, dead] = await Promise.all([freePort(), freePort()]);
    spawnApp('gateway', {
      PORT: String(port),
      GATEWAY_BACKENDS: `${API_URL},http://127.0.0.1:${dead}`,
      GATEWAY_PROBE_INTERVAL_MS: '200',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${url}/gateway/health`)).status === 200);
    expect(await (await fetch(`${url}/gateway/health`)).json()).toEqual({ status: 'ok', backendsReady: 1 });

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${url}/api/health/live`, { headers: { 'x-request-id': `gw-${i}` } }).then(async (r) => ({
          status: r.status,
          id: r.headers.get('x-request-id'),
        })),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => ({ status: 200, id: `gw-${i}` })));

    // A POST with its body goes through too.
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.7.0.1' },
      body: JSON.stringify(ADMIN),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as any).user.username).toBe(ADMIN.username);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^gateway_backends_ready\{service="gateway"\} 1$/m);
    expect(metrics).toMatch(
      new RegExp(
        `gateway_requests_total\\{backend="${new URL(API_URL).origin.replace('localhost', '127.0.0.1')}",status="200"`,
      ),
    );
  });

  it('answers 503 in the API error body when no API process is ready', async () => {
    const [port, dead] = await Promise.all([freePort(), freePort()]);
    spawnApp('gateway', { PORT: String(port), GATEWAY_BACKENDS: `http://127.0.0.1:${dead}` });
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${url}/gateway/health`)).status === 503);
    const r = await fetch(`${url}/api/tasks`);
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'NO_BACKEND',
      message: 'no API process is ready, try again shortly',
      details: [],
    });
  });
});
