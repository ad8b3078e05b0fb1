import { createServer, Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { Worker } from '@temporalio/worker';
import type { Logger } from '@hardtech/observability';
import { Gauge, Registry } from '@hardtech/observability';

/**
 * The worker's own small HTTP server, for orchestrators and Prometheus:
 * - /health/live: 200 while the process runs;
 * - /health/ready: 200 while the worker polls (503 once it drains on SIGTERM);
 * - /metrics: this process's metrics followed by the SDK's (Core's Prometheus exporter binds on
 *   127.0.0.1 only; one scrape target per worker).
 */
export async function startOpsServer(options: {
  port: number;
  worker: Worker;
  registry: Registry;
  sdkMetricsUrl: string;
  logger: Logger;
}): Promise<{ server: Server; port: number }> {
  const { worker, registry, sdkMetricsUrl, logger } = options;
  const sdkUp = new Gauge({
    name: 'hardtech_worker_sdk_metrics_up',
    help: '1 when the SDK metrics exporter answered this scrape',
    registers: [registry],
  });
  new Gauge({
    name: 'hardtech_worker_running',
    help: '1 while the worker polls its task queue, 0 while it starts, drains or stops',
    registers: [registry],
    collect() {
      this.set(worker.getState() === 'RUNNING' ? 1 : 0);
    },
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method !== 'GET') return json(405, { status: 'error', message: 'GET only' });
    const state = worker.getState();
    if (path === '/health/live') return json(200, { status: 'ok', state });
    if (path === '/health/ready')
      return json(state === 'RUNNING' ? 200 : 503, { status: state === 'RUNNING' ? 'ok' : 'error', state });
    if (path === '/metrics') {
      scrape(registry, sdkMetricsUrl, sdkUp).then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (e) => {
          logger.error({ err: e }, 'worker: metrics scrape failed');
          res.writeHead(500).end();
        },
      );
      return;
    }
    json(404, { status: 'error', message: `no route ${path}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : options.port };
}

async function scrape(registry: Registry, sdkMetricsUrl: string, sdkUp: Gauge): Promise<string> {
  let sdk = '';
  try {
    const res = await fetch(sdkMetricsUrl, { signal: AbortSignal.timeout(2000) });
    sdk = res.ok ? await res.text() : '';
  } catch {
    sdk = '';
  }
  sdkUp.set(sdk ? 1 : 0);
  return `${await registry.metrics()}\n${sdk}`;
}

/** A free local port, for the SDK exporter when none is configured (its address must be fixed). */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
