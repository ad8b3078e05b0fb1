import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postOutbound } from '../../apps/worker/src/delivery/outbound-request';
import { robotAccepted } from '../../apps/worker/src/delivery/channels';
import { auditAdminApi, createUser } from '../support/cast';
import { expectOk } from '../support/lifecycle';

// Issue 20.5: robot and webhook URLs reach only the robot hosts or NOTIFY_ALLOWED_HOSTS over https,
// never the intranet (SSRF), at save time and again at send time on the resolved address; no
// redirect is followed; the robot's key never reaches the audit log.
const TEST_POLICY = { allowedHosts: ['127.0.0.1'], allowListedLoopback: true };

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('outbound notification requests', () => {
  it('refuses robot URLs into loopback, private and link-local addresses or other hosts (400, nothing saved)', async () => {
    // An auditor: never a task's candidate, so the real robot host saved here (unreachable from tests)
    // gets no notices that would wait in the outbox for later tests.
    const me = await createUser('auditor', {});
    const key = `SECRET-KEY-${Date.now()}`;
    const good = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`;
    await expectOk(me.api.put('/api/me/notification-preferences', { wecomWebhook: good }));
    for (const url of [
      // 127.0.0.1 is listed on the test stack for its receivers; any other loopback is refused.
      'https://localhost/cgi-bin/webhook/send',
      'http://127.0.0.2:8080/hook',
      'https://10.0.0.8/hook',
      'https://192.168.1.20/robot/send',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/hook',
      'https://intranet.example.com/hook',
      'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    ]) {
      const r = await me.api.put('/api/me/notification-preferences', { dingtalkWebhook: url });
      expect([url, r.status, r.body.details?.[0]?.field]).toEqual([url, 400, 'dingtalkWebhook']);
    }
    const saved = await expectOk(me.api.get('/api/me/notification-preferences'));
    expect(saved).toMatchObject({ wecomWebhook: good, dingtalkWebhook: null });

    const audit = await expectOk((await auditAdminApi()).get(`/api/audit?actor=${me.username}`));
    const text = JSON.stringify(audit);
    expect(text).toContain('qyapi.weixin.qq.com');
    expect(text).not.toContain(key);
  });

  it('refuses at send time a listed name that resolves to loopback (DNS rebinding), and a private address', async () => {
    let reached = 0;
    const { server, url } = await listen((_req, res) => {
      reached++;
      res.end('{}');
    });
    try {
      const port = new URL(url).port;
      // `localhost` passes the URL check (a name); its address, checked when connecting, does not.
      const rebinding = { allowedHosts: ['localhost'], allowListedLoopback: false };
      await expect(postOutbound(`https://localhost:${port}/hook`, '{}', {}, rebinding, 2000)).rejects.toThrow(
        /internal address refused: (127\.0\.0\.1|::1)/,
      );
      // Outside the test stack even a listed 127.0.0.1 is refused.
      const listedLoopback = { allowedHosts: ['127.0.0.1'], allowListedLoopback: false };
      await expect(postOutbound(`${url}/hook`, '{}', {}, listedLoopback, 2000)).rejects.toThrow(/refused/);
      const privateHost = { allowedHosts: ['10.0.0.8', '192.168.1.20'], allowListedLoopback: false };
      for (const host of ['10.0.0.8', '192.168.1.20']) {
        await expect(postOutbound(`https://${host}/hook`, '{}', {}, privateHost, 2000)).rejects.toThrow(
          /refused: internal address/,
        );
      }
      // The test stack's own exception: listed loopback, NODE_ENV=test.
      expect((await postOutbound(`${url}/hook`, '{}', {}, TEST_POLICY, 2000)).status).toBe(200);
      expect(reached).toBe(1);
    } finally {
      server.close();
    }
  });

  it('does not follow a redirect', async () => {
    let stolen = 0;
    const target = await listen((_req, res) => {
      stolen++;
      res.end('{"errcode":0}');
    });
    const redirecting = await listen((_req, res) => {
      res.writeHead(307, { location: `${target.url}/steal` }).end();
    });
    try {
      const reply = await postOutbound(`${redirecting.url}/hook`, '{}', {}, TEST_POLICY, 2000);
      expect(reply.status).toBe(307);
      expect(() => robotAccepted(reply)).toThrow('HTTP 307');
      expect(stolen).toBe(0);
    } finally {
      redirecting.server.close();
      target.server.close();
    }
  });
});
