import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: any;
  raw: string;
}

/**
 * A webhook receiver on loopback where the test stack sends reminders (scripts/test.mjs sets
 * NOTIFY_WEBHOOK_URL). With `failFirst`, the first attempt of every notification gets a 500, to
 * exercise retries whatever else is in the outbox.
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
      if (failFirst && !seen.has(body.notification.id)) {
        seen.add(body.notification.id);
        res.writeHead(500).end();
        return;
      }
      received.push({ headers: req.headers, body, raw });

      res.writeHead(204).end();
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
