import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { countingStatements, DbStatementMetrics, newStatementTally } from './db-statements';
import { LogContext, requestIdFrom, runWithLogContext } from './log-context';
import type { HttpMetrics } from './metrics';

/** What Express and our auth guard add to a request by the time it is answered. */
interface ServedRequest extends IncomingMessage {
  route?: { path?: string };
  baseUrl?: string;
  actor?: { username?: string };
}

/** Probes and scrapes are logged at debug: a balancer asks every second, and 503 is their answer. */
const QUIET = /^\/(metrics|api\/health)(\/|$)/;

/**
 * First middleware of the API: gives the request an id (the caller's X-Request-Id when sane,
 * echoed back), runs the rest inside its log context, then logs one access line and records the
 * Prometheus counters by route template when the response is done (or the client went away). The
 * line and `statements` carry the SQL statements the request sent until then (`db`).
 */
export function httpObservability(logger: Logger, metrics: HttpMetrics, statements?: DbStatementMetrics) {
  return (req: ServedRequest, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const context = new LogContext(requestId, () => req.actor?.username);
    const tally = newStatementTally();
    metrics.inFlight.inc();
    res.once('close', () => {
      metrics.inFlight.dec();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = (req.url ?? '/').split('?')[0];
      // 499: the client closed the connection before the answer was complete.
      const status = res.writableFinished ? res.statusCode : 499;
      const route = routeOf(req, path);
      metrics.observe(req.method ?? 'GET', route, status, seconds);
      const db = { ...tally };
      statements?.observeRequest(route, db);
      const level = QUIET.test(path) ? 'debug' : status >= 500 ? 'error' : 'info';
      logger[level](
        {
          ...context.fields(),
          method: req.method,
          path,
          route,
          status,
          durationMs: Math.round(seconds * 10000) / 10,
          db: { read: db.read, write: db.write },
        },
        'request',
      );
    });
    runWithLogContext(context, () => countingStatements(tally, next));
  };
}

function routeOf(req: ServedRequest, path: string): string {
  if (req.route?.path) return `${req.baseUrl ?? ''}${req.route.path}`;
  if (path === '/metrics') return path;
  return path.startsWith('/api') ? 'unmatched' : 'web';
}
