import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  raw: string;
}

/**
 * A receiver on loopback for the system webhook (/hook, NOTIFY_WEBHOOK_URL of the test stack) and
 * for 企业微信 / 钉钉 robots (any other path; they answer {errcode: 0}). With `failFirst`, the
 * first attempt of every message gets a 500, to exercise retries whatever else is in the outbox.
 */
export async function webhookReceiver(
  failFirst = false,
): Promise<{ received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const seen = new Set<string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      const id = body.notification?.id ?? raw;
      if (failFirst && !seen.has(id)) {
        seen.add(id);
        res.writeHead(500).end();
        return;
      }
      received.push({ path: req.url ?? '/', headers: req.headers, body, raw });
      if (req.url?.startsWith('/hook')) res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.TEST_WEBHOOK_PORT), '127.0.0.1', resolve),
  );
  return { received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function validSignature(r: Received): boolean {
  const timestamp = String(r.headers['x-hardtech-timestamp']);
  const expected = `sha256=${createHmac('sha256', process.env.NOTIFY_WEBHOOK_SECRET!).update(`${timestamp}.${r.raw}`).digest('hex')}`;
  return r.headers['x-hardtech-signature'] === expected;
}
