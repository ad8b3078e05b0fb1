import { createServer } from 'node:http';
import { GatewayConfig, loadGatewayConfig } from '@hardtech/config';
import {
  createLogger,
  createMetricsRegistry,
  Gauge,
  HttpDrain,
  onTermination,
  runMain,
} from '@hardtech/observability';
import { BackendPool } from './backend-pool';
import { ApiProxy } from './proxy';

/**
 * One public port in front of several API processes: health-aware, least-in-flight balancing,
 * request ids passed on, and a drain of its own on SIGTERM. `/metrics` and `/gateway/health`
 * are the gateway's own; everything else goes to an API process.
 */
async function main(config: GatewayConfig): Promise<void> {
  const logger = createLogger('gateway', config.logLevel);
  const registry = createMetricsRegistry('gateway');
  const pool = new BackendPool(config.backends, config.healthPath, logger);
  new Gauge({
    name: 'gateway_backends_ready',
    help: 'API processes currently in rotation',
    registers: [registry],
    collect() {
      this.set(pool.all().filter((b) => b.ready).length);
    },
  });
  const proxy = new ApiProxy(pool, logger, registry);
  const server = createServer((req, res) => {
    drain.middleware(req, res, () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/metrics') {
        registry
          .metrics()
          .then((text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text));
      } else if (req.method === 'GET' && path === '/gateway/health') {
        const ready = pool.all().filter((b) => b.ready).length;
        res
          .writeHead(ready && !drain.isDraining ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: ready && !drain.isDraining ? 'ok' : 'error', backendsReady: ready }));
      } else {
        proxy.handle(req, res).catch((e) => {
          logger.error({ err: e }, 'gateway: request failed');
          res.destroy();
        });
      }
    });
  });
  const drain = new HttpDrain(server);
  await pool.start(config.probeIntervalMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, resolve);
  });
  logger.info(
    { port: config.port, backends: config.backends.map(String) },
    `gateway: listening on http://localhost:${config.port}`,
  );
  onTermination(async (signal) => {
    logger.info({ signal }, 'gateway: shutting down');
    await drain.drain(config.shutdown.delaySeconds * 1000, config.shutdown.timeoutSeconds * 1000);
    pool.stop();
    logger.info('gateway: stopped');
  });
}

runMain('gateway', loadGatewayConfig, main);
