import { freePort, killAll, spawnApp, waitUntil } from './processes';

// SIGTERM on an API process: readiness turns false at once while it keeps serving for the delay,
// requests in flight finish, then it stops accepting and exits 0. A worker drains and exits 0.
jest.setTimeout(60_000);

describe('graceful shutdown', () => {
  afterAll(killAll);

  it('an API process finishes the requests in flight, goes not-ready, then closes and exits 0', async () => {
    const port = await freePort();
    // At production's hashing cost (the test stack hashes cheaply), so its logins take long.
    const api = spawnApp('api', {
      PORT: String(port),
      SHUTDOWN_DELAY_SECONDS: '3',
      PASSWORD_HASH_MEMORY_KIB: '65536',
      PASSWORD_HASH_TIME_COST: '3',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${url}/api/health/ready`)).status === 200);

    // Logins are slow on purpose (argon2): four of them are still running when SIGTERM arrives.
    // They name no account, so each is checked against the process's own decoy hash, made at its
    // cost (a real account's hash keeps the cheap cost it was made with). Each comes from its own
    // address (the API trusts loopback proxies), so none is throttled.
    const logins = Array.from({ length: 4 }, (_, i) =>
      fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${i + 1}` },
        body: JSON.stringify({ username: `nobody-${i}`, password: 'not-a-password' }),
      }).then((r) => r.status),
    );
    await new Promise((r) => setTimeout(r, 30));
    api.child.kill('SIGTERM');
    const stopping = await api.line((l) => l.msg === 'api: shutting down, readiness off');
    expect(stopping).toMatchObject({ signal: 'SIGTERM', delaySeconds: 3 });

    const ready = await fetch(`${url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', draining: true });
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
    expect(await Promise.all(logins)).toEqual(Array(4).fill(401));
    // The requests that came during the drain were told to close their connections.
    expect(ready.headers.get('connection')).toBe('close');

    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.lines.find((l) => l.msg === 'api: stopped')).toMatchObject({ result: 'drained' });
    await expect(fetch(`${url}/api/health/live`)).rejects.toThrow();
    const served = api.lines.filter((l) => l.msg === 'request' && l.path === '/api/auth/login');
    expect(served.map((l) => l.status)).toEqual(Array(4).fill(401));
    // …and at least one of them was still being served when SIGTERM arrived.
    expect(served.some((l) => l.time > stopping.time)).toBe(true);
  });

  it('a worker serves health and metrics, then drains on SIGTERM and exits 0', async () => {
    const port = await freePort();
    const worker = spawnApp('worker', { WORKER_HTTP_PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    const started = await worker.line((l) => l.msg?.startsWith('worker: polling'));
    expect(started).toMatchObject({ httpPort: port, taskQueue: process.env.TEMPORAL_TASK_QUEUE });
    await waitUntil(async () => (await fetch(`${url}/health/ready`)).status === 200);
    expect(await (await fetch(`${url}/health/live`)).json()).toEqual({ status: 'ok', state: 'RUNNING' });

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^hardtech_worker_running\{service="worker"\} 1$/m);
    expect(metrics).toMatch(/^hardtech_worker_sdk_metrics_up\{service="worker"\} 1$/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes\{service="worker"\} \d+/m);
    // The SDK's own metrics, from Core's Prometheus exporter, in the same scrape.
    expect(metrics).toMatch(/^temporal_worker_start\{.*task_queue="[^"]+".*\} 1$/m);
    expect(metrics).toMatch(/^temporal_num_pollers\{/m);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const states = worker.lines.filter((l) => l.msg === 'Worker state changed').map((l) => l.state);
    const order = ['RUNNING', 'DRAINING', 'DRAINED', 'STOPPED'].map((state) => states.indexOf(state));
    expect(order.every((at, k) => at >= 0 && (k === 0 || at > order[k - 1]))).toBe(true);
    expect(states.slice(-1)).toEqual(['STOPPED']);
    expect(worker.lines.find((l) => l.msg === 'worker: drained and stopped')).toBeDefined();
  });
});
