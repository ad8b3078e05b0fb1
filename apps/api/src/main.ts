import './tracing';
import 'reflect-metadata';
import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, loadConfig } from '@hardtech/config';
import {
  activeTracing,
  createLogger,
  createMetricsRegistry,
  DbStatementMetrics,
  HttpDrain,
  HttpMetrics,
  httpObservability,
  NestJsonLogger,
  onTermination,
  runMain,
  Registry,
} from '@hardtech/observability';
import { AppModule } from './app.module';
import { IDENTITY_PROVIDER } from './auth/identity-provider';
import { openApiConfig } from './openapi/document';
import { docsGate, metricsGate } from './security/production-gates';
import { securityHeaders } from './security/security-headers';
import { TrustedProxies } from './security/trusted-proxies';
import { RequestAuditMiddleware } from './audit/request-audit.middleware';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { jsonBody } from './errors/json-body';
import { validationPipe } from './errors/validation';
import { HealthService } from './services/health.service';
import { UsersService } from './services/users.service';
import { serveWeb } from './web';

async function main(config: AppConfig): Promise<void> {
  const logger = createLogger('api', config.logLevel);
  const registry = createMetricsRegistry('api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: new NestJsonLogger(logger),
  });
  // The security policy's list, kept current (TRUSTED_PROXIES until a policy is saved).
  app.set('trust proxy', app.get(TrustedProxies).trusts);
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // First: every request gets its id, log context and metrics, also when a later step refuses it.
  app.use(httpObservability(logger, new HttpMetrics(registry), new DbStatementMetrics(registry)));
  // Before the body parser and the router: a write they refuse (415, malformed JSON or URL) is
  // audited too. It writes once the answer is out, when the guard has named the actor.
  const audit = app.get(RequestAuditMiddleware);
  app.use((req: Request, res: Response, next: NextFunction) => audit.use(req, res, next));
  const drain = new HttpDrain(app.getHttpServer() as Server);
  app.use(drain.middleware);
  app.use('/metrics', metricsGate(config), metricsEndpoint(registry));
  app.use(['/api/docs', '/api/docs-json'], docsGate(config, app.get(IDENTITY_PROVIDER)));
  // Oversized bodies are refused before they are parsed (413).
  app.use(jsonBody(config.bodyLimit));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApiConfig()), {
    jsonDocumentUrl: 'api/docs-json',
  });
  serveWeb(app, config.webRoot);

  // Several API processes start at once: when another one created the admin first, that is fine.
  await app
    .get(UsersService)
    .ensureBootstrapAdmin()
    .catch((e) => {
      if ((e as { code?: string }).code !== 'USERNAME_TAKEN') throw e;
    });
  await app.listen(config.port);
  // Idle keep-alive connections outlive nginx's (and clients') own idle timeouts, so it is never the
  // API that closes a connection just as a request is sent on it (502s behind nginx, "other side
  // closed" in clients); Node's default of 5 s is shorter than theirs.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  logger.info({ port: config.port }, `api: listening on http://localhost:${config.port}`);

  // SIGTERM: readiness off, keep serving for the delay, stop accepting, finish in-flight
  // requests, then close PostgreSQL and Temporal connections.
  onTermination(async (signal) => {
    const started = Date.now();
    logger.info({ signal, delaySeconds: config.shutdown.delaySeconds }, 'api: shutting down, readiness off');
    app.get(HealthService).beginDraining();
    const result = await drain.drain(
      config.shutdown.delaySeconds * 1000,
      config.shutdown.timeoutSeconds * 1000,
    );
    if (result === 'timeout') logger.warn('api: in-flight requests cut at the shutdown timeout');
    await app.close();
    await activeTracing()?.shutdown();
    logger.info({ durationMs: Date.now() - started, result }, 'api: stopped');
  });
}

/** GET /metrics: Prometheus text of this process (request counts and latencies, Node runtime). */
function metricsEndpoint(registry: Registry) {
  return (req: { method?: string }, res: import('express').Response, next: () => void) => {
    if (req.method !== 'GET') return next();
    registry.metrics().then(
      (text) => res.type(registry.contentType).send(text),
      (e) => res.status(500).type('text/plain').send(String(e)),
    );
  };
}

runMain('api', loadConfig, main);
