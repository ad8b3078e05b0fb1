import { adminApi, createCast, createUser, tag } from '../support/cast';
import { FakeCorpApp, fakeDingtalk, fakeWecom } from '../support/corp-apps';
import { db } from '../support/db';
import { driveToSupporting, tickQuarter } from '../support/drive';
import { eventually, expectOk, nominationFor, openTask } from '../support/lifecycle';

// Issue 18 §2: person-to-person messages beside the group robots — 企业微信 application messages
// and 钉钉 work notices, each a card linking to the task, against loopback servers that answer as
// the documented APIs do. Serial: the worker's token cache and the two ports are the stack's own.
let wecom: FakeCorpApp;
let dingtalk: FakeCorpApp;
beforeAll(async () => {
  [wecom, dingtalk] = await Promise.all([fakeWecom(), fakeDingtalk()]);
});
afterAll(async () => {
  await Promise.all([wecom.close(), dingtalk.close()]);
});

const sends = (app: FakeCorpApp) => app.requests.filter((r) => r.method === 'POST');

it('keeps the ids on the user: set by an administrator or by the user, refused with 400 when malformed', async () => {
  const admin = await adminApi();
  const user = await createUser('district_officer', { districts: ['500112'] });
  const id = `Wang.Wu-${tag()}`;
  expect(await expectOk(admin.patch(`/api/users/${user.username}`, { wecomUserId: id }))).toMatchObject({
    wecomUserId: id,
    dingtalkUserId: null,
  });
  expect(await expectOk(user.api.get('/api/me/notification-preferences'))).toMatchObject({
    wecomUserId: id,
    wecomApp: true,
    dingtalkUserId: null,
    dingtalkApp: true,
  });
  await expectOk(
    user.api.put('/api/me/notification-preferences', { dingtalkUserId: 'manager4220', wecomApp: false }),
  );
  expect(await expectOk(admin.get(`/api/users/${user.username}`))).toMatchObject({
    wecomUserId: id,
    dingtalkUserId: 'manager4220',
  });
  for (const bad of ['has space', 'x'.repeat(65), '王五']) {
    expect((await admin.patch(`/api/users/${user.username}`, { dingtalkUserId: bad })).status).toBe(400);
    expect((await user.api.put('/api/me/notification-preferences', { wecomUserId: bad })).status).toBe(400);
  }
  expect((await admin.patch(`/api/users/${user.username}`, { dingtalkUserId: '' })).status).toBe(400);
  expect((await admin.patch(`/api/users/${user.username}`, { wecomUserId: 7 })).status).toBe(400);
  expect(await expectOk(user.api.get('/api/me/notification-preferences'))).toMatchObject({
    wecomUserId: id,
    wecomApp: false,
    dingtalkUserId: 'manager4220',
  });
  // Only administrators set another user's ids: the user's own way is the preferences.
  expect((await user.api.patch(`/api/users/${user.username}`, { wecomUserId: 'x' })).status).toBe(403);
  expect(
    await expectOk(admin.patch(`/api/users/${user.username}`, { wecomUserId: null, dingtalkUserId: null })),
  ).toMatchObject({ wecomUserId: null, dingtalkUserId: null });
});

it('sends each new task to the person’s 企业微信 and 钉钉 once, renewing the token after it expires', async () => {
  const c = await createCast('500118', 'T2');
  const wecomId = `qy-${tag()}`;
  const dingtalkId = `dd${tag()}`;
  // An administrator links a company's contact to the commission's directories: the contact itself
  // is not offered its ids (403 PREFERENCE_NOT_OFFERED).
  await expectOk(
    (await adminApi()).patch(`/api/users/${c.enterprise.username}`, {
      wecomUserId: wecomId,
      dingtalkUserId: dingtalkId,
    }),
  );
  dingtalk.failNextSend(-1, '系统繁忙'); // the outbox retries it

  let confirm: { id: string } = { id: '' };
  await driveToSupporting(c, {
    inFeedback: async () => {
      confirm = await openTask(c.enterprise.api, c.creditCode, 'ENTERPRISE_CONFIRM');
      await eventually(
        async () => sends(wecom).some((r) => r.errcode === 0) && sends(dingtalk).some((r) => r.errcode === 0),
        30_000,
      );
      // The tokens expire before the next message: the tasks until then are officers', who have no ids.
      wecom.expireTokens();
      dingtalk.expireTokens();
    },
  });
  await tickQuarter(c, '2026Q3');
  const report = await openTask(c.enterprise.api, c.creditCode, 'QUARTERLY_REPORT');
  await eventually(
    async () =>
      sends(wecom).filter((r) => r.errcode === 0).length === 2 &&
      sends(dingtalk).filter((r) => r.errcode === 0).length === 2,
    30_000,
  );
  await new Promise((r) => setTimeout(r, 3000)); // nothing more arrives

  const name = nominationFor(c).name;
  const card = (taskId: string, label: string) => ({
    title: `新待办｜${name}`,
    description: expect.stringContaining(`「${name}」的${label}待您办理，办理时限 `),
    url: `https://pool.test/tasks/${taskId}`,
  });
  const wecomToken = { corpid: 'ww-test-corp', corpsecret: 'wecom-test-secret' };
  const wecomSend = (token: string, taskId: string, label: string, errcode: number) => ({
    method: 'POST',
    path: '/cgi-bin/message/send',
    query: { access_token: token },
    body: {
      touser: wecomId,
      msgtype: 'textcard',
      agentid: 1000002,
      textcard: { ...card(taskId, label), btntxt: '去办理' },
    },
    errcode,
  });
  // A token another test file's loopback server issued may still be cached in the API: its send is
  // answered 40014 (invalid token) and renewed at once. Such sends come first, before any token.
  const stale = (requests: typeof wecom.requests) =>
    requests.slice(
      0,
      Math.max(
        0,
        requests.findIndex((r) => r.path.endsWith('gettoken')),
      ),
    );
  expect(stale(wecom.requests).filter((r) => r.errcode !== 40014)).toEqual([]);
  expect(wecom.requests.slice(stale(wecom.requests).length)).toEqual([
    { method: 'GET', path: '/cgi-bin/gettoken', query: wecomToken, body: undefined, errcode: 0 },
    wecomSend('wecom-token-1', confirm.id, '企业确认', 0),
    wecomSend('wecom-token-1', report.id, '季度报告', 42001),
    { method: 'GET', path: '/cgi-bin/gettoken', query: wecomToken, body: undefined, errcode: 0 },
    wecomSend('wecom-token-2', report.id, '季度报告', 0),
  ]);

  const dingtalkToken = { appkey: 'ding-test-key', appsecret: 'dingtalk-test-secret' };
  const dingtalkSend = (token: string, taskId: string, label: string, errcode: number) => {
    const { title, url } = card(taskId, label);
    return {
      method: 'POST',
      path: '/topapi/message/corpconversation/asyncsend_v2',
      query: { access_token: token },
      body: {
        agent_id: 2001,
        userid_list: dingtalkId,
        msg: {
          msgtype: 'action_card',
          action_card: {
            title,
            markdown: expect.stringContaining(`#### ${title}\n\n「${name}」的${label}待您办理`),
            single_title: '去办理',
            single_url: url,
          },
        },
      },
      errcode,
    };
  };
  expect(stale(dingtalk.requests).filter((r) => r.errcode !== 40014)).toEqual([]);
  expect(dingtalk.requests.slice(stale(dingtalk.requests).length)).toEqual([
    { method: 'GET', path: '/gettoken', query: dingtalkToken, body: undefined, errcode: 0 },
    dingtalkSend('dingtalk-token-1', confirm.id, '企业确认', -1),
    dingtalkSend('dingtalk-token-1', confirm.id, '企业确认', 0),
    dingtalkSend('dingtalk-token-1', report.id, '季度报告', 42001),
    { method: 'GET', path: '/gettoken', query: dingtalkToken, body: undefined, errcode: 0 },
    dingtalkSend('dingtalk-token-2', report.id, '季度报告', 0),
  ]);

  const deliveries = (
    await db().query(
      `SELECT n.task_id, d.channel, d.target, d.status, d.attempts FROM notification_deliveries d
       JOIN notifications n ON n.id = d.notification_id WHERE d.recipient = $1 ORDER BY n.created_at, d.channel`,
      [c.enterprise.username],
    )
  ).rows;
  expect(deliveries).toEqual([
    { task_id: confirm.id, channel: 'dingtalk_app', target: dingtalkId, status: 'sent', attempts: 2 },
    { task_id: confirm.id, channel: 'wecom_app', target: wecomId, status: 'sent', attempts: 1 },
    { task_id: report.id, channel: 'dingtalk_app', target: dingtalkId, status: 'sent', attempts: 1 },
    { task_id: report.id, channel: 'wecom_app', target: wecomId, status: 'sent', attempts: 1 },
  ]);
});
