import type { IncomingMessage, Server, ServerResponse } from 'node:http';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Stops an HTTP server without dropping requests: it keeps serving for `delayMs` while readiness
 * already answers 503 (balancers take it out of rotation), then stops accepting connections and
 * waits up to `timeoutMs` for in-flight requests; keep-alive connections are told to close.
 */
export class HttpDrain {
  private draining = false;

  constructor(private readonly server: Server) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** While draining, answers carry `Connection: close` so clients reconnect to another process. */
  readonly middleware = (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (this.draining) res.setHeader('Connection', 'close');
    next();
  };

  async drain(delayMs: number, timeoutMs: number): Promise<'drained' | 'timeout'> {
    this.draining = true;
    if (delayMs > 0) await sleep(delayMs);
    const closed = new Promise<'drained'>((resolve) => this.server.close(() => resolve('drained')));
    this.server.closeIdleConnections();
    const idle = setInterval(() => this.server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    const result = await Promise.race([closed, timeout]);
    clearInterval(idle);
    clearTimeout(timer);
    if (result === 'timeout') this.server.closeAllConnections();
    return result;
  }
}

/**
 * Runs `stop` once on the first SIGTERM or SIGINT; a second signal ends the process at once (an
 * operator pressing Ctrl-C twice means it).
 */
export function onTermination(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    stop(signal).then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`shutdown failed: ${e instanceof Error ? e.stack : e}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
