import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpDrain } from './graceful-http';

function get(port: number, path: string): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, host: '127.0.0.1', agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HttpDrain', () => {
  let server: Server;
  let drain: HttpDrain;
  let port: number;

  beforeEach(async () => {
    server = createServer((req, res) =>
      drain.middleware(req, res, () => {
        const ms = Number(new URL(req.url!, 'http://x').searchParams.get('ms') ?? 0);
        const timer = setTimeout(() => res.end(`done after ${ms}`), ms);
        res.on('close', () => clearTimeout(timer));
      }),
    );
    drain = new HttpDrain(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => server.closeAllConnections());

  it('lets in-flight requests finish, serves during the delay, then refuses connections', async () => {
    const inFlight = get(port, '/?ms=400');
    await new Promise((r) => setTimeout(r, 50));
    const drained = drain.drain(200, 5000);
    const duringDelay = await get(port, '/');
    expect(duringDelay).toEqual({ status: 200, body: 'done after 0', connection: 'close' });
    await expect(inFlight).resolves.toMatchObject({ status: 200, body: 'done after 400' });
    await expect(drained).resolves.toBe('drained');
    await expect(get(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('cuts requests that outlast the timeout', async () => {
    const slow = get(port, '/?ms=5000');
    await new Promise((r) => setTimeout(r, 50));
    await expect(drain.drain(0, 200)).resolves.toBe('timeout');
    await expect(slow).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
