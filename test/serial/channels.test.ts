import { createHmac } from 'node:crypto';
import { Policy } from '@hardtech/domain';
import { DIGEST_WORKFLOW_TYPE } from '@hardtech/temporal/digest.contract';
import { Api } from '../support/api';
import { createCast, createUser } from '../support/cast';
import { closeDb, db } from '../support/db';
import { eventually, expectOk, nominationFor, openTask } from '../support/lifecycle';
import { smtpReceiver } from '../support/smtp';
import { closeTemporal, temporalClient } from '../support/temporal';
import { webhookReceiver } from '../support/webhook';

// Issue 10 §5: reminders that reach people — by e-mail and 企业微信 / 钉钉 robots per user
// preference, delivered and recorded once; and the working-day morning digest.
let admin: Api;
let original: Policy;
const robots = `http://127.0.0.1:${process.env.TEST_WEBHOOK_PORT}`;
const DING_SECRET = 'SEC0123456789abcdef';

beforeAll(async () => {
  admin = (await createUser('city_coordinator', {})).api;
  original = await expectOk(admin.get('/api/admin/policy'));
});
afterAll(async () => {
  await admin.put('/api/admin/policy', original);
  await closeTemporal();
  await closeDb();
});

it('keeps each user’s channels, write-only secrets, and refuses bad ones with 400', async () => {
  const me = await createUser('district_officer', { districts: ['500112'] });
  expect(await expectOk(me.api.get('/api/me/notification-preferences'))).toEqual({
    email: null,
    emailEnabled: false,
    wecomWebhook: null,
    dingtalkWebhook: null,
    dingtalkSecretSet: false,
    digest: true,
    wecomUserId: null,
    wecomApp: true,
    dingtalkUserId: null,
    dingtalkApp: true,
  });
  const saved = await expectOk(
    me.api.put('/api/me/notification-preferences', {
      dingtalkWebhook: `${robots}/ding`,
      dingtalkSecret: DING_SECRET,
    }),
  );
  expect(saved).toMatchObject({ dingtalkWebhook: `${robots}/ding`, dingtalkSecretSet: true });
  expect(saved).not.toHaveProperty('dingtalkSecret');
  for (const bad of [{ email: 'not-mail' }, { wecomWebhook: 'ftp://x' }, { digest: 'yes' }, { sms: '138' }]) {
    expect((await me.api.put('/api/me/notification-preferences', bad)).status).toBe(400);
  }
  expect((await me.api.put('/api/me/notification-preferences', ['x'])).status).toBe(400);
  expect(await expectOk(me.api.get('/api/me/notification-preferences'))).toEqual(saved);
});

it('sends a reminder once to each channel the coordinator chose: e-mail, 企业微信, 钉钉 (signed)', async () => {
  const [smtp, robotsServer] = await Promise.all([smtpReceiver(), webhookReceiver()]);
  try {
    const coordinator = await createUser('city_coordinator', {});
    const email = `${coordinator.username}@cq.gov.example`;
    await expectOk(
      coordinator.api.put('/api/me/notification-preferences', {
        email,
        emailEnabled: true,
        wecomWebhook: `${robots}/wecom?key=${coordinator.username}`,
        dingtalkWebhook: `${robots}/ding?access_token=${coordinator.username}`,
        dingtalkSecret: DING_SECRET,
      }),
    );
    await expectOk(
      admin.put('/api/admin/policy', {
        ...original,
        sla: { ...original.sla, SCREEN: { due: 'PT4S', remindBefore: 'PT2S', escalateAfter: 'PT120S' } },
      }),
    );
    const c = await createCast();
    await expectOk(
      c.districtOfficer.api.post(
        '/api/nominations',
        nominationFor(c, { name: `渠道测试企业${coordinator.username.slice(-4)}` }),
      ),
      201,
    );
    const task = await openTask(c.coordinator.api, c.creditCode, 'SCREEN');
    // Other tests' lifecycles escalate to every city coordinator too: count only this enterprise's.
    // The coordinator is also told of the new task (test/notices): count the reminders.
    const mineByMail = () =>
      smtp.mails.filter(
        (m) =>
          m.to.includes(email) && m.text.includes(task.enterpriseName) && m.text.includes('【待办提醒】'),
      );
    const mine = (p: string) =>
      robotsServer.received.filter(
        (r) =>
          r.path.startsWith(p) &&
          r.path.includes(coordinator.username) &&
          r.raw.includes(task.enterpriseName) &&
          r.raw.includes('待办提醒'),
      );
    await eventually(
      async () => mine('/wecom').length > 0 && mine('/ding').length > 0 && mineByMail().length > 0,
      20_000,
    );
    await new Promise((r) => setTimeout(r, 3000));
    expect(mine('/wecom')).toHaveLength(1);
    expect(mine('/wecom')[0].body).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('【待办提醒】') },
    });
    expect(mine('/ding')).toHaveLength(1);
    const ding = new URL(`${robots}${mine('/ding')[0].path}`);
    const sign = createHmac('sha256', DING_SECRET)
      .update(`${ding.searchParams.get('timestamp')}\n${DING_SECRET}`)
      .digest('base64');
    expect(ding.searchParams.get('sign')).toBe(sign);
    expect(mineByMail()).toHaveLength(1);
    const deliveries = (
      await db().query(
        `SELECT d.channel, d.status, d.recipient FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
         WHERE n.task_id = $1 AND n.kind = 'reminder' AND d.recipient = $2 ORDER BY d.channel`,
        [task.id, coordinator.username],
      )
    ).rows;
    expect(deliveries).toEqual(
      ['dingtalk', 'email', 'wecom'].map((channel) => ({
        channel,
        status: 'sent',
        recipient: coordinator.username,
      })),
    );
  } finally {
    await Promise.all([smtp.close(), robotsServer.close()]);
  }
});

it('sends the morning digest on working days only, once per person and day', async () => {
  const robotsServer = await webhookReceiver();
  try {
    const coordinator = await createUser('city_coordinator', {});
    await expectOk(
      coordinator.api.put('/api/me/notification-preferences', {
        wecomWebhook: `${robots}/wecom?key=${coordinator.username}`,
      }),
    );
    const digestsTo = (username: string) =>
      robotsServer.received.filter((r) => r.path.includes(username) && r.raw.includes('待办汇总'));
    const client = await temporalClient();
    const run = (date: string) =>
      client.workflow.execute(DIGEST_WORKFLOW_TYPE, {
        workflowId: `digest-test-${coordinator.username}-${date}-${Date.now()}`,
        taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
        args: [{ date }],
      });
    // National Day 2026 is a holiday; Saturday 10 October 2026 is a make-up working day (调休).
    expect(await run('2026-10-03')).toEqual({ date: '2026-10-03', workingDay: false, sent: 0 });
    const first = await run('2026-10-10');
    expect(first).toMatchObject({ date: '2026-10-10', workingDay: true });
    expect(first.sent).toBeGreaterThan(0);
    await run('2026-10-10');
    const digests = (
      await db().query(`SELECT id, data FROM notifications WHERE id = $1`, [
        `digest:2026-10-10:${coordinator.username}`,
      ])
    ).rows;
    expect(digests).toHaveLength(1);
    expect(digests[0].data.text.zh).toMatch(/^【待办汇总 2026-10-10】逾期 \d+ 项，即将到期 \d+ 项。/);
    // Issue 20.6: the feed answers 200 with the digest in it (its text, no task, no due date).
    const feed = await expectOk(coordinator.api.get('/api/notifications?pageSize=100'));
    expect(feed.items).toContainEqual(
      expect.objectContaining({
        id: `digest:2026-10-10:${coordinator.username}`,
        kind: 'digest',
        text: digests[0].data.text,
        taskId: null,
        dueAt: null,
      }),
    );
    await eventually(async () => digestsTo(coordinator.username).length > 0, 15_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(digestsTo(coordinator.username)).toHaveLength(1);
  } finally {
    await robotsServer.close();
  }
});
