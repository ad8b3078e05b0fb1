import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCast, tag } from '../support/cast';
import { eventually, JUDGMENTS, nominationFor } from '../support/lifecycle';
import { freePort } from './processes';
import { kill, startApi, startWorker } from '../support/worker-process';

// Issue 22 §7: with an OTLP endpoint configured, one completion is one trace — the HTTP request in
// the API, its SQL, the Update it sends, the workflow handling it, the projection activity and that
// activity's SQL in the worker. An API and a worker of their own (on their own task queue) export to
// a loopback OTLP/HTTP receiver; the stack under the other tests runs without tracing (the default).

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP receiver (JSON, as @opentelemetry/exporter-trace-otlp-http sends). */
async function otlpReceiver(): Promise<{ url: string; spans: Span[]; server: Server }> {
  const spans: Span[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const rs of JSON.parse(Buffer.concat(chunks).toString()).resourceSpans ?? []) {
          const service = rs.resource.attributes.find((a: any) => a.key === 'service.name')?.value
            .stringValue;
          for (const ss of rs.scopeSpans ?? [])
            for (const s of ss.spans ?? [])
              spans.push({
                service,
                traceId: s.traceId,
                spanId: s.spanId,
                parentSpanId: s.parentSpanId || undefined,
                name: s.name,
                attributes: Object.fromEntries(
                  (s.attributes ?? []).map((a: any) => [a.key, Object.values(a.value)[0]]),
                ),
              });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

it('traces one completion from HTTP through the Update, the workflow and the projection to SQL', async () => {
  const receiver = await otlpReceiver();
  const queue = `otel-${tag()}`;
  const port = await freePort();
  const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
  const worker = startWorker(queue, { ...otel, OTEL_SERVICE_NAME: 'trace-test-worker' });
  const api = startApi(port, queue, { ...otel, OTEL_SERVICE_NAME: 'trace-test-api' });
  try {
    await Promise.all([worker.ready, api.ready]);
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const r = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const cast = await createCast();
    const nominated = await call(
      cast.districtOfficer.api.token!,
      'POST',
      '/api/nominations',
      nominationFor(cast),
    );
    expect(nominated.status).toBe(201);
    const coordinator = cast.coordinator.api.token!;
    const task = await eventually(async () => {
      const inbox = await call(coordinator, 'GET', `/api/tasks?creditCode=${cast.creditCode}&type=SCREEN`);
      return inbox.body.items[0];
    }, 30_000);
    const done = await call(coordinator, 'POST', `/api/tasks/${task.id}/complete`, {
      outcome: 'pass',
      data: { judgments: JUDGMENTS },
    });
    expect(done.status).toBe(200);

    // The HTTP server span of the completion, then everything of its trace.
    const completion = await eventually(
      async () =>
        receiver.spans.find(
          (s) =>
            s.service === 'trace-test-api' &&
            s.attributes['http.method'] === 'POST' &&
            String(s.attributes['http.target']).endsWith(`/api/tasks/${task.id}/complete`),
        ),
      30_000,
    );
    const inTrace = () => receiver.spans.filter((s) => s.traceId === completion.traceId);
    const byId = () => new Map(inTrace().map((s) => [s.spanId, s]));
    const descendsFrom = (s: Span, ancestor: (a: Span) => boolean): boolean => {
      const spans = byId();
      for (let p = spans.get(s.parentSpanId ?? ''); p; p = spans.get(p.parentSpanId ?? ''))
        if (ancestor(p)) return true;
      return false;
    };
    const projection = (s: Span) => s.service === 'trace-test-worker' && s.name.startsWith('RunActivity:');
    // The spans arrive in the exporters' batches: the Update's own span ends after the projection's
    // SQL and may come in a later batch than it, so wait for both.
    await eventually(
      async () =>
        inTrace().some((s) => s.name.startsWith('pg') && descendsFrom(s, projection)) &&
        inTrace().some((s) => s.service === 'trace-test-worker' && s.name.startsWith('HandleUpdate:')),
      30_000,
    );

    const trace = inTrace();
    const names = (service: string) => trace.filter((s) => s.service === service).map((s) => s.name);
    // The API: its own SQL (scope and read model) and the Update it sent, under the request.
    expect(names('trace-test-api')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pg\.query/),
        expect.stringMatching(/^StartWorkflowUpdate:/),
      ]),
    );
    // The worker: the Update handled by the workflow, the projection it ran, that activity's SQL.
    expect(names('trace-test-worker')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^HandleUpdate:/),
        expect.stringMatching(/^RunActivity:/),
        expect.stringMatching(/^pg\.query/),
      ]),
    );
    // One tree: every span of the trace leads back to the completion request.
    for (const s of trace.filter((x) => x !== completion)) {
      expect({ span: s.name, underRequest: descendsFrom(s, (a) => a === completion) }).toEqual({
        span: s.name,
        underRequest: true,
      });
    }
  } finally {
    await Promise.all([kill(api.process, 'SIGTERM'), kill(worker.process, 'SIGTERM')]);
    receiver.server.close();
  }
}, 180_000);
