import { Api } from '../support/api';
import { ADMIN, adminApi, createUser, Member, PASSWORD, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { claimsFor, signToken } from '../support/jwt';
import { eventually } from '../support/lifecycle';

// Issue 4, identity: local login behind the IdentityProvider interface, tokens that expire and can
// be signed out, throttled and locked-out logins, and user administration by admins and
// coordinators. Login attempts carry an X-Forwarded-For of their own (the API trusts the loopback
// proxy), so the per-address throttle of one test never touches another.
let addressCounter = Math.floor(Math.random() * 200);
const freshAddress = () => `198.51.100.${(addressCounter++ % 250) + 1}`;
const login = (
  username: string,
  password: string,
  address = freshAddress(),
  headers: Record<string, string> = {},
) =>
  Api.anonymous().post('/api/auth/login', { username, password }, { 'x-forwarded-for': address, ...headers });
const withToken = (token: string) => new Api(token);

afterAll(closeDb);

describe('login and tokens', () => {
  let user: Member;
  beforeAll(async () => {
    user = await createUser('district_officer', { districts: ['500113'] });
  });

  it('answers a token, its lifetime and the user; the token identifies the caller', async () => {
    const r = await login(user.username, PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: expect.any(Number),
      user: {
        username: user.username,
        role: 'district_officer',
        scope: { districts: ['500113'] },
        displayName: user.username,
      },
    });
    const me = await withToken(r.body.accessToken).get('/api/me');
    expect(me.body).toMatchObject({ username: user.username, role: 'district_officer' });
    const payload = JSON.parse(Buffer.from(r.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(r.body.expiresIn);
  });

  it.each([
    ['a wrong password', () => [user.username, 'wrong-pass-123']],
    ['an unknown user', () => [`nobody-${tag()}`, PASSWORD]],
    ['a demo user while demo mode is off', () => ['coordinator', 'demo123456']],
  ])('refuses %s with 401 INVALID_CREDENTIALS, in the caller’s language', async (_, args) => {
    const [username, password] = args();
    const zh = await login(username, password);
    expect(zh.status).toBe(401);
    expect(zh.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误',
      details: [],
    });
    const en = await login(username, password, freshAddress(), { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body.message).toBe('wrong username or password');
  });

  it.each<[string, () => string]>([
    ['no token', () => ''],
    ['a malformed header', () => 'Token abc'],
    ['garbage', () => 'Bearer not.a.token'],
    [
      'another secret',
      () => `Bearer ${signToken(claimsFor(ADMIN.username), 'someone-elses-secret-0123456789abcdef')}`,
    ],
    ['alg none', () => `Bearer ${signToken(claimsFor(ADMIN.username), '', { alg: 'none', typ: 'JWT' })}`],
    [
      'HS512 with our secret',
      () => `Bearer ${signToken(claimsFor(ADMIN.username), undefined, { alg: 'HS512', typ: 'JWT' })}`,
    ],
    [
      'an expired token',
      () => `Bearer ${signToken(claimsFor(ADMIN.username, { exp: Math.floor(Date.now() / 1000) - 5 }))}`,
    ],
    [
      'a token without session id',
      () => `Bearer ${signToken(claimsFor(ADMIN.username, { jti: undefined }))}`,
    ],
    ['a token of an unknown user', () => `Bearer ${signToken(claimsFor(`ghost-${tag()}`))}`],
  ])('answers 401 to %s', async (_, header) => {
    const r = await Api.anonymous().get('/api/me', header() ? { authorization: header() } : {});
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a token signed with the server’s secret that names a live session (so the 401s above are about the token)', async () => {
    const issued = (await login(ADMIN.username, ADMIN.password)).body.accessToken as string;
    const { jti } = JSON.parse(Buffer.from(issued.split('.')[1], 'base64url').toString());
    const r = await Api.anonymous().get('/api/me', {
      authorization: `Bearer ${signToken(claimsFor(ADMIN.username, { jti }))}`,
    });
    expect(r.status).toBe(200);
    expect(r.body.role).toBe('system_admin');
    // The same secret and claims without a session the server opened: refused.
    const forged = await Api.anonymous().get('/api/me', {
      authorization: `Bearer ${signToken(claimsFor(ADMIN.username))}`,
    });
    expect(forged.status).toBe(401);
  });

  it('logout ends that token only', async () => {
    const [a, b] = [
      (await login(user.username, PASSWORD)).body.accessToken,
      (await login(user.username, PASSWORD)).body.accessToken,
    ];
    expect((await withToken(a).post('/api/auth/logout')).status).toBe(200);
    expect((await withToken(a).get('/api/me')).status).toBe(401);
    expect((await withToken(a).post('/api/auth/logout')).status).toBe(401);
    expect((await withToken(b).get('/api/me')).status).toBe(200);
  });
});

describe('throttling and lockout', () => {
  it('locks an account after 5 wrong passwords, also against the right one, until unlocked', async () => {
    const user = await createUser('commissioner', {});
    for (let i = 0; i < 5; i++) expect((await login(user.username, `wrong-${i}-pass`)).status).toBe(401);
    const locked = await login(user.username, PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    const row = (await db().query(`SELECT locked_until FROM users WHERE username = $1`, [user.username]))
      .rows[0];
    expect(row.locked_until.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await (await adminApi()).get(`/api/users/${user.username}`)).body.lockedUntil).not.toBeNull();

    expect((await (await adminApi()).patch(`/api/users/${user.username}`, { unlock: true })).status).toBe(
      200,
    );
    expect((await login(user.username, PASSWORD)).status).toBe(200);
  });

  it('50 parallel wrong passwords lock the account at exactly the 5th; the right one is then refused', async () => {
    const user = await createUser('commissioner', {});
    // Each from its own address, so only the account's count can refuse them.
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login(user.username, `wrong-${i}-pass`)),
    );
    const count = (status: number) => replies.filter((r) => r.status === status).length;
    console.log(`50 parallel wrong logins: ${count(401)}x401 + ${count(429)}x429`);
    expect([count(401), count(429)]).toEqual([5, 45]);
    expect(new Set(replies.filter((r) => r.status === 429).map((r) => r.body.code))).toEqual(
      new Set(['ACCOUNT_LOCKED']),
    );
    const right = await login(user.username, PASSWORD);
    expect([right.status, right.body.code]).toEqual([429, 'ACCOUNT_LOCKED']);
  });

  it('wrong current passwords at the own-password change count too, and lock the account like logins', async () => {
    const user = await createUser('commissioner', {});
    const change = (currentPassword: string) =>
      user.api.post('/api/me/password', { currentPassword, newPassword: 'new-pass-123456' });
    for (let i = 0; i < 5; i++) expect((await change(`not-it-${i}-123456`)).status).toBe(422);
    const locked = await change(PASSWORD);
    expect([locked.status, locked.body.code]).toEqual([429, 'ACCOUNT_LOCKED']);
    expect((await login(user.username, PASSWORD)).status).toBe(429);
  });

  it('lets a lockout run out after its 15 minutes', async () => {
    const user = await createUser('commissioner', {});
    for (let i = 0; i < 5; i++) await login(user.username, `wrong-${i}-pass`);
    expect((await login(user.username, PASSWORD)).status).toBe(429);
    await db().query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = $1`, [
      user.username,
    ]);
    expect((await login(user.username, PASSWORD)).status).toBe(200);
  });

  it('a success resets the count of failures', async () => {
    const user = await createUser('commissioner', {});
    for (let i = 0; i < 4; i++) await login(user.username, `wrong-${i}-pass`);
    expect((await login(user.username, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) await login(user.username, `wrong-${i}-pass`);
    expect((await login(user.username, PASSWORD)).status).toBe(200);
  });

  it('refuses an address after 20 failed logins in a minute, whatever the account; other addresses log in', async () => {
    const user = await createUser('commissioner', {});
    const address = '203.0.113.77';
    for (let i = 0; i < 20; i++)
      expect((await login(`nobody-${tag()}`, 'wrong-pass-1', address)).status).toBe(401);
    const refused = await login(user.username, PASSWORD, address);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect((await login(user.username, PASSWORD, '203.0.113.78')).status).toBe(200);
  });

  it('throttles an address’s writes without a login after 30 refusals a minute, not its users', async () => {
    const user = await createUser('commissioner', {});
    const from = { 'x-forwarded-for': '203.0.113.91' };
    const anonymous = Api.anonymous();
    for (let i = 0; i < 30; i++) {
      expect((await anonymous.post('/api/nominations', {}, from)).status).toBe(401);
    }
    const refused = await anonymous.post('/api/nominations', {}, from);
    expect([refused.status, refused.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    // A forged token is no login; a colleague behind the same address (one office NAT) works on.
    expect((await new Api('forged.token.here').post('/api/notifications/read-all', {}, from)).status).toBe(
      429,
    );
    const colleague = await user.api.post('/api/notifications/read-all', {}, from);
    expect(colleague.status).toBeLessThan(300);
    expect((await anonymous.post('/api/nominations', {}, { 'x-forwarded-for': '203.0.113.92' })).status).toBe(
      401,
    );
  });
});

describe('passwords', () => {
  it.each([
    ['short', 'abc123'],
    ['letters only', 'abcdefghijkl'],
    ['digits only', '12345678901'],
    ['containing the username', 'USERNAME-2024x'],
  ])('refuses a %s password with 400 and the field', async (_, password) => {
    const username = `weak-${tag()}`;
    const r = await (
      await adminApi()
    ).post('/api/users', {
      username,
      password: password.replace('USERNAME', username),
      displayName: 'weak',
      role: 'commissioner',
      scope: {},
    });
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    expect((await (await adminApi()).get(`/api/users/${username}`)).status).toBe(404);
  });

  it('changing one’s own password needs the current one, ends other sessions and answers a fresh token', async () => {
    const user = await createUser('auditor', {});
    const wrong = await user.api.post('/api/me/password', {
      currentPassword: 'not-it-123456',
      newPassword: 'new-pass-123456',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    const weak = await user.api.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'weak' });
    expect(weak.status).toBe(400);

    // A read-only role may still change its own password.
    const changed = await user.api.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'new-pass-123456',
    });
    expect(changed.status).toBe(200);
    expect((await user.api.get('/api/me')).status).toBe(401);
    expect((await withToken(changed.body.accessToken).get('/api/me')).status).toBe(200);
    expect((await login(user.username, PASSWORD)).status).toBe(401);
    expect((await login(user.username, 'new-pass-123456')).status).toBe(200);
  });
});

/** The outcomes of an actor's PATCH /api/users/:username, once `count` of them are audited. */
function userChangesAudited(actor: string, count: number) {
  return eventually(async () => {
    const { rows } = await db().query(
      `SELECT outcome, status, data->>'code' AS code FROM audit_events
        WHERE actor = $1 AND action = 'PATCH /api/users/:username' ORDER BY seq`,
      [actor],
    );
    return rows.length === count && rows;
  });
}

describe('user administration', () => {
  let coordinator: Member;
  beforeAll(async () => {
    coordinator = await createUser('city_coordinator', {});
  });

  it('a coordinator creates officers but neither creates nor changes administrators', async () => {
    const officer = `officer-${tag()}`;
    const created = await coordinator.api.post('/api/users', {
      username: officer,
      password: 'officer-pass-123',
      displayName: '巴南区 李四',
      role: 'district_officer',
      scope: { districts: ['500113'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      username: officer,
      displayName: '巴南区 李四',
      role: 'district_officer',
      scope: { districts: ['500113'] },
      active: true,
      lockedUntil: null,
      createdAt: expect.any(String),
      // 企业微信 / 钉钉 ids for person-to-person messages (issue 18): none until set.
      wecomUserId: null,
      dingtalkUserId: null,
      // Single sign-on (issue 22 §5): no identity-service subject until an administrator maps one.
      oidcSubject: null,
    });
    const admin = `admin-${tag()}`;
    const body = {
      username: admin,
      password: 'admin-pass-123',
      displayName: 'x',
      role: 'system_admin',
      scope: {},
    };
    expect((await coordinator.api.post('/api/users', body)).status).toBe(403);
    expect((await (await adminApi()).get(`/api/users/${admin}`)).status).toBe(404);
    expect((await coordinator.api.patch(`/api/users/${ADMIN.username}`, { displayName: '改' })).status).toBe(
      403,
    );
    expect((await coordinator.api.patch(`/api/users/${officer}`, { role: 'system_admin' })).status).toBe(403);
    expect((await (await adminApi()).post('/api/users', body)).status).toBe(201);
  });

  it('refuses a duplicate username (409) and a scope that does not fit the role (400)', async () => {
    const username = `dup-${tag()}`;
    const body = { username, password: 'dup-pass-1234', displayName: 'd', role: 'commissioner', scope: {} };
    expect((await coordinator.api.post('/api/users', body)).status).toBe(201);
    expect((await coordinator.api.post('/api/users', body)).body.code).toBe('USERNAME_TAKEN');
    const noDistrict = await coordinator.api.post('/api/users', {
      ...body,
      username: `nd-${tag()}`,
      role: 'district_officer',
    });
    expect(noDistrict.status).toBe(400);
    expect(noDistrict.body.details).toEqual([{ field: 'scope.districts', message: '该角色必须指定' }]);
    const unknown = await coordinator.api.post('/api/users', {
      ...body,
      username: `uk-${tag()}`,
      role: 'industry_officer',
      scope: { clusters: ['Z9'] },
    });
    expect(unknown.body.details).toEqual([{ field: 'scope.clusters[0]', message: '未知的产业集群代码' }]);
  });

  it('lists users with filters, paging and totals', async () => {
    const t = tag();
    for (let i = 0; i < 3; i++) {
      await coordinator.api.post('/api/users', {
        username: `list-${t}-${i}`,
        password: 'list-pass-1234',
        displayName: `名单${t}`,
        role: 'leader',
        scope: {},
      });
    }
    const page1 = await coordinator.api.get(`/api/users?q=${t}&pageSize=2`);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((u: { username: string }) => u.username)).toEqual([
      `list-${t}-0`,
      `list-${t}-1`,
    ]);
    const page2 = await coordinator.api.get(`/api/users?q=${t}&pageSize=2&page=2`);
    expect(page2.body.items.map((u: { username: string }) => u.username)).toEqual([`list-${t}-2`]);
    expect((await coordinator.api.get(`/api/users?q=${t}&role=auditor`)).body.total).toBe(0);
    await coordinator.api.patch(`/api/users/list-${t}-1`, { active: false });
    expect((await coordinator.api.get(`/api/users?q=${t}&active=true`)).body.total).toBe(2);
    expect((await coordinator.api.get(`/api/users?q=${t}&active=false`)).body.items[0].username).toBe(
      `list-${t}-1`,
    );
  });

  it('deactivation ends the user’s tokens at once and refuses their logins', async () => {
    const user = await createUser('commissioner', {});
    expect((await user.api.get('/api/me')).status).toBe(200);
    expect((await coordinator.api.patch(`/api/users/${user.username}`, { active: false })).body.active).toBe(
      false,
    );
    expect((await user.api.get('/api/me')).status).toBe(401);
    expect((await login(user.username, PASSWORD)).status).toBe(401);
    await coordinator.api.patch(`/api/users/${user.username}`, { active: true });
    expect((await user.api.get('/api/me')).status).toBe(200);
  });

  it('a changed role or scope applies to the next request; a password reset ends sessions', async () => {
    const user = await createUser('district_officer', { districts: ['500113'] });
    await coordinator.api.patch(`/api/users/${user.username}`, { scope: { districts: ['500114'] } });
    expect((await user.api.get('/api/me')).body.scope).toEqual({ districts: ['500114'] });
    const reset = await coordinator.api.patch(`/api/users/${user.username}`, { password: 'reset-pass-9876' });
    expect(reset.status).toBe(200);
    expect((await user.api.get('/api/me')).status).toBe(401);
    expect((await login(user.username, 'reset-pass-9876')).status).toBe(200);
  });

  // The walk: the administrator's own row offered 停用. The server refuses it in Chinese, changes
  // nothing and audits the attempt — also for the system administrator, whose accounts only another
  // system administrator may change (so the last one cannot be removed at all).
  it('a system administrator cannot deactivate or re-role their own account: 422, unchanged, audited', async () => {
    const self = await createUser('system_admin', {});
    for (const body of [
      { active: false },
      { role: 'security_admin' },
      { active: false, displayName: '改' },
    ]) {
      const refused = await self.api.patch(`/api/users/${self.username}`, body);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'OWN_ACCOUNT',
        message: '不能停用自己的账号或修改自己的角色',
      });
    }
    expect(await self.api.get(`/api/users/${self.username}`)).toMatchObject({
      status: 200,
      body: { active: true, role: 'system_admin', displayName: self.username },
    });
    // The audit row is written once the answer is sent: waited for.
    const attempts = await userChangesAudited(self.username, 3);
    expect(attempts).toEqual(Array(3).fill({ outcome: 'refused', status: 422, code: 'OWN_ACCOUNT' }));
  });

  // 重置密码 of one's own row skipped 修改密码's current password (and kept the session).
  it('nobody resets their own password through user management: 422, the old one still signs in', async () => {
    const self = await createUser('system_admin', {});
    const refused = await self.api.patch(`/api/users/${self.username}`, { password: 'self-reset-9876' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'OWN_ACCOUNT',
      message: '不能在用户管理中重置自己的密码，请通过“修改密码”办理',
    });
    expect((await self.api.get('/api/me')).status).toBe(200);
    expect((await login(self.username, 'self-reset-9876')).status).toBe(401);
    expect((await login(self.username, PASSWORD)).status).toBe(200);
    // Audited as refused, as a self-deactivation is (the row is written once the answer is sent).
    const attempts = await userChangesAudited(self.username, 1);
    expect(attempts).toEqual([{ outcome: 'refused', status: 422, code: 'OWN_ACCOUNT' }]);
    const { rows: leaked } = await db().query(
      `SELECT 1 FROM audit_events WHERE actor = $1 AND data::text LIKE '%self-reset-9876%'`,
      [self.username],
    );
    expect(leaked).toEqual([]);
  });

  it('nobody deactivates themselves or changes their own role; an empty change is a 400', async () => {
    const self = await coordinator.api.patch(`/api/users/${coordinator.username}`, { active: false });
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('OWN_ACCOUNT');
    expect(
      (await coordinator.api.patch(`/api/users/${coordinator.username}`, { role: 'leader' })).status,
    ).toBe(422);
    expect((await coordinator.api.patch(`/api/users/${coordinator.username}`, {})).status).toBe(400);
    expect((await coordinator.api.get('/api/me')).body.role).toBe('city_coordinator');
    expect((await coordinator.api.patch(`/api/users/nobody-${tag()}`, { displayName: 'x' })).status).toBe(
      404,
    );
  });
});
