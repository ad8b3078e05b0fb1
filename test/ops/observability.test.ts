import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Api, API_URL } from '../support/api';
import { sampleNomination } from '@hardtech/domain';
import { createUser, freshCreditCode } from '../support/cast';
import { expectOk } from '../support/lifecycle';
import { waitUntil } from './processes';

// The stack's own API and worker (started by scripts/test.mjs): JSON logs with request id, actor
// and workflow id; request ids echoed; Prometheus metrics by route template; worker metrics.
const LOGS = join(process.env.TEST_DATA_DIR ?? 'data/test', 'logs');
const logLines = (file: string): any[] =>
  readFileSync(join(LOGS, file), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

jest.setTimeout(60_000);

describe('logs and metrics of the running stack', () => {
  it('logs a request with its request id, actor and workflow id, and echoes the id', async () => {
    // One login only: the API throttles logins per address and the suite shares one.
    const officer = await createUser('district_officer', { districts: ['500112'] });
    const creditCode = freshCreditCode();
    const requestId = `ops-test-${creditCode}`;
    const nomination = sampleNomination({ creditCode, district: '500112', cluster: 'T2' });
    const r = await officer.api.post('/api/nominations', nomination, { 'x-request-id': requestId });
    expect(r.status).toBe(201);
    let line: any;
    await waitUntil(async () => !!(line = logLines('api.log').find((l) => l.requestId === requestId)));
    expect(line).toMatchObject({
      level: 'info',
      service: 'api',
      msg: 'request',
      requestId,
      actor: officer.username,
      workflowId: `enterprise/${creditCode}`,
      method: 'POST',
      path: '/api/nominations',
      route: '/api/nominations',
      status: 201,
    });
    expect(typeof line.durationMs).toBe('number');
  });

  it('echoes a caller’s request id and makes one when there is none or it is unfit', async () => {
    const given = await fetch(`${API_URL}/api/health/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${API_URL}/api/health/live`);
    const replaced = await fetch(`${API_URL}/api/health/live`, { headers: { 'x-request-id': 'a b<c>' } });
    for (const r of [made, replaced]) expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps liveness and readiness apart from the health report of docs/api.md', async () => {
    expect(await expectOk(Api.anonymous().get('/api/health/live'))).toEqual({ status: 'ok' });
    // Both carry the calendar's coverage (issue 19.5): the last year with a holiday schedule.
    const calendar = { coveredThrough: expect.any(Number) };
    expect(await expectOk(Api.anonymous().get('/api/health/ready'))).toEqual({
      status: 'ok',
      temporal: 'ok',
      database: 'ok',
      draining: false,
      calendar,
    });
    expect(await expectOk(Api.anonymous().get('/api/health'))).toEqual({
      status: 'ok',
      temporal: 'ok',
      database: 'ok',
      calendar,
    });
  });

  it('exposes Prometheus metrics of the API by route template, never by raw path', async () => {
    await Api.anonymous().get('/api/enterprises/915000000000000000'); // 401, with an id in the path
    const text = await (await fetch(`${API_URL}/metrics`)).text();
    expect(text).toMatch(
      /^http_requests_total\{method="POST",route="\/api\/nominations",status="201",service="api"\} \d+$/m,
    );
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0.1",[^}]*route="\/api\/health\/live"/m);
    expect(text).toMatch(/route="\/api\/enterprises\/:creditCode",status="401"/);
    expect(text).not.toMatch(/915000000000000000/);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{service="api"\}/m);
  });

  it('exposes the worker’s activity metrics and the SDK’s on the worker’s port', async () => {
    const started = logLines('worker.log').find((l) => l.msg?.startsWith('worker: polling'));
    expect(started.httpPort).toBeGreaterThan(0);
    let text = '';
    // The nomination above projected its first transitions in this worker.
    await waitUntil(async () => {
      text = await (await fetch(`http://127.0.0.1:${started.httpPort}/metrics`)).text();
      return /^hardtech_activity_duration_seconds_count\{[^}]*activity="project",outcome="completed"\} [1-9]/m.test(
        text,
      );
    });
    expect(text).toMatch(/^temporal_workflow_completed\{|^temporal_workflow_task_execution_latency_count\{/m);
    expect(text).toMatch(/^hardtech_worker_running\{service="worker"\} 1$/m);
  });
});
