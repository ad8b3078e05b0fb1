import { createUser, freshCreditCode } from '../support/cast';
import { expectOk } from '../support/lifecycle';

// Where reminders go, by role: an enterprise's contact chooses e-mail, the switches of its linked
// 企业微信 / 钉钉 messages and the digest; group robots and the directory ids are refused it (403,
// nothing saved), while an officer keeps every channel.
const PATH = '/api/me/notification-preferences';

it('refuses an enterprise the robots, the 加签 secret and the directory ids (403, nothing saved), not an officer', async () => {
  const enterprise = await createUser('enterprise_user', { creditCodes: [freshCreditCode()] });
  const saved = await expectOk(
    enterprise.api.put(PATH, { email: 'li@xince.example.cn', emailEnabled: true, digest: false }),
  );
  expect(saved).toMatchObject({ email: 'li@xince.example.cn', emailEnabled: true, digest: false });

  for (const refused of [
    { wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
    { dingtalkWebhook: null },
    { dingtalkSecret: 'SEC123' },
    { wecomUserId: 'xince-li' },
    // One refused field refuses the whole request: the e-mail beside it is not saved either.
    { email: 'other@xince.example.cn', dingtalkUserId: 'xince-li' },
  ]) {
    const r = await enterprise.api.put(PATH, refused);
    const field = Object.keys(refused).find((k) => k !== 'email');
    expect([field, r.status, r.body.code, r.body.details?.map((d: any) => d.field)]).toEqual([
      field,
      403,
      'PREFERENCE_NOT_OFFERED',
      [field],
    ]);
  }
  expect(await expectOk(enterprise.api.get(PATH))).toEqual(saved);
  // Its own switches stay its own; a key that is no preference at all is still a 400.
  await expectOk(enterprise.api.put(PATH, { wecomApp: false, dingtalkApp: false }));
  expect((await enterprise.api.put(PATH, { sms: '13800000000' })).status).toBe(400);

  // An officer keeps every channel.
  const officer = await createUser('auditor', {});
  const officers = await expectOk(
    officer.api.put(PATH, { wecomUserId: 'auditor-li', dingtalkSecret: 'SEC123' }),
  );
  expect(officers).toMatchObject({ wecomUserId: 'auditor-li', dingtalkSecretSet: true });
});
