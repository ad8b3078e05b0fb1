import { IncomingHttpHeaders, IncomingMessage, request, ServerResponse } from 'node:http';
import { Counter, Histogram, Logger, Registry, requestIdFrom } from '@hardtech/observability';
import { Backend, BackendPool } from './backend-pool';

/** Largest request body the gateway buffers (Excel imports included); the API has its own limits. */
const MAX_BODY = 32 * 1024 * 1024;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Forwards one request to a ready API process. The body is buffered so that a request can go to
 * another process when the first refused the connection (it never reached it), or for idempotent
 * methods when the connection broke; a POST that may have been received is never sent twice.
 */
export class ApiProxy {
  private readonly requests: Counter<'backend' | 'status'>;
  private readonly duration: Histogram<'status'>;

  constructor(
    private readonly pool: BackendPool,
    private readonly logger: Logger,
    registry: Registry,
  ) {
    this.requests = new Counter({
      name: 'gateway_requests_total',
      help: 'Requests forwarded, by backend and status (backend "none" when no API process was ready)',
      labelNames: ['backend', 'status'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'gateway_request_duration_seconds',
      help: 'Request latency through the gateway, by status',
      labelNames: ['status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const done = (backend: string, status: number) => {
      this.requests.inc({ backend, status: String(status) });
      this.duration.observe({ status: String(status) }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      done('none', 413);
      return fail(res, 413, 'PAYLOAD_TOO_LARGE', requestId, `request body over ${MAX_BODY} bytes`);
    }
    const tried = new Set<Backend>();
    for (;;) {
      const backend = this.pool.pick(tried);
      if (!backend) {
        done('none', 503);
        this.logger.warn({ requestId, method: req.method, path: req.url }, 'gateway: no API process ready');
        return fail(res, 503, 'NO_BACKEND', requestId, 'no API process is ready, try again shortly');
      }
      tried.add(backend);
      const outcome = await this.forward(backend, req, body, requestId, res);
      if (outcome.ok) return done(backend.origin, outcome.status);
      this.pool.markDown(backend, outcome.error);
      const unsent = outcome.beforeSend || IDEMPOTENT.has(req.method ?? 'GET');
      if (!unsent || res.headersSent) {
        done(backend.origin, 502);
        this.logger.error(
          { requestId, backend: backend.origin, error: outcome.error },
          'gateway: backend failed',
        );
        return fail(res, 502, 'BAD_GATEWAY', requestId, 'the API process failed while answering');
      }
    }
  }

  private forward(
    backend: Backend,
    req: IncomingMessage,
    body: Buffer,
    requestId: string,
    res: ServerResponse,
  ): Promise<{ ok: true; status: number } | { ok: false; error: string; beforeSend: boolean }> {
    return new Promise((resolve) => {
      backend.inFlight++;
      let settled = false;
      const settle = (
        v: { ok: true; status: number } | { ok: false; error: string; beforeSend: boolean },
      ) => {
        if (settled) return;
        settled = true;
        backend.inFlight--;
        resolve(v);
      };
      const upstream = request(
        {
          host: backend.hostname,
          port: backend.port,
          method: req.method,
          path: req.url,
          agent: backend.agent,
          headers: forwardedHeaders(req, requestId, body.length),
        },
        (answer) => {
          const headers: Record<string, string | string[]> = {};
          for (const [k, v] of Object.entries(answer.headers)) {
            if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
          }
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          answer.on('error', (e) => res.destroy(e));
          answer.on('close', () => settle({ ok: true, status: answer.statusCode ?? 502 }));
        },
      );
      upstream.on('error', (e: NodeJS.ErrnoException) => {
        // Refused, or a kept-alive socket the API had already closed: the request never arrived.
        const beforeSend = e.code === 'ECONNREFUSED' || (upstream.reusedSocket && e.code === 'ECONNRESET');
        settle({ ok: false, error: e.code ?? e.message, beforeSend });
      });
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    });
  }
}

function forwardedHeaders(req: IncomingMessage, requestId: string, length: number): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for']
    ? `${req.headers['x-forwarded-for']}, ${client}`
    : client;
  headers['x-forwarded-proto'] = 'http';
  headers['x-request-id'] = requestId;
  headers['content-length'] = String(length);
  return headers;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Gateway errors in the API's error body (docs/api.md), so clients handle one shape. */
function fail(res: ServerResponse, status: number, code: string, requestId: string, message: string): void {
  if (res.headersSent) return void res.destroy();
  const error = { 413: 'Payload Too Large', 502: 'Bad Gateway', 503: 'Service Unavailable' }[status];
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId })
    .end(JSON.stringify({ statusCode: status, error, code, message, details: [] }));
}
