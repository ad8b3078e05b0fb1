import { lookup } from 'node:dns/promises';
import { Agent, request } from 'node:http';
import type { Logger } from '@hardtech/observability';

export interface Backend {
  /** http://address:port of one API process. */
  readonly origin: string;
  readonly hostname: string;
  readonly port: number;
  readonly agent: Agent;
  ready: boolean;
  inFlight: number;
}

/**
 * The API processes behind the gateway and which of them are ready. Each configured URL stands
 * for every address its host resolves to (compose gives one name to all replicas); readiness is
 * probed on an interval and a backend that refuses a connection is out until its next good probe.
 */
export class BackendPool {
  private backends = new Map<string, Backend>();
  private timer?: NodeJS.Timeout;
  private next = 0;

  constructor(
    private readonly urls: URL[],
    private readonly healthPath: string,
    private readonly logger: Logger,
  ) {}

  async start(intervalMs: number): Promise<void> {
    await this.probeAll();
    this.timer = setInterval(() => void this.probeAll(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    for (const b of this.backends.values()) b.agent.destroy();
  }

  all(): Backend[] {
    return [...this.backends.values()];
  }

  /** The ready backend with the fewest requests in flight (round-robin among equals). */
  pick(exclude: Set<Backend> = new Set()): Backend | undefined {
    const ready = this.all().filter((b) => b.ready && !exclude.has(b));
    if (!ready.length) return undefined;
    const least = Math.min(...ready.map((b) => b.inFlight));
    const candidates = ready.filter((b) => b.inFlight === least);
    return candidates[this.next++ % candidates.length];
  }

  markDown(backend: Backend, reason: string): void {
    if (backend.ready)
      this.logger.warn({ backend: backend.origin, reason }, 'gateway: backend out of rotation');
    backend.ready = false;
  }

  private async probeAll(): Promise<void> {
    const seen = new Set<string>();
    for (const url of this.urls) {
      const port = Number(url.port || 80);
      let addresses: string[];
      try {
        addresses = (await lookup(url.hostname, { all: true })).map((a) => a.address);
      } catch {
        addresses = [];
      }
      for (const address of addresses) {
        const hostname = address.includes(':') ? `[${address}]` : address;
        const origin = `http://${hostname}:${port}`;
        seen.add(origin);
        if (!this.backends.has(origin)) {
          const agent = new Agent({ keepAlive: true, maxSockets: 256 });
          this.backends.set(origin, { origin, hostname: address, port, agent, ready: false, inFlight: 0 });
        }
      }
    }
    for (const [origin, backend] of this.backends) {
      if (!seen.has(origin)) {
        backend.agent.destroy();
        this.backends.delete(origin);
      }
    }
    await Promise.all(this.all().map((b) => this.probe(b)));
  }

  private async probe(backend: Backend): Promise<void> {
    const ok = await new Promise<boolean>((resolve) => {
      const req = request(
        { host: backend.hostname, port: backend.port, path: this.healthPath, agent: false, timeout: 3000 },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(false));
      req.end();
    });
    if (ok !== backend.ready) {
      this.logger.info(
        { backend: backend.origin, ready: ok },
        `gateway: backend ${ok ? 'ready' : 'not ready'}`,
      );
    }
    backend.ready = ok;
  }
}
