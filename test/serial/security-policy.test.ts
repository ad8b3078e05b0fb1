import { DEFAULT_SECURITY_POLICY, SecurityPolicy } from '@hardtech/domain';
import { Api } from '../support/api';
import { adminApi, createUser, Member, PASSWORD, tag } from '../support/cast';
import { closeDb, db } from '../support/db';
import { eventually } from '../support/lifecycle';

// Issue 20.3 and 20.4: the security administrator's policy (global, so this file runs alone) drives
// session limits, lockout, password rules and expiry; sessions are listed and revoked; only the
// audit administrator and the auditor read the audit log, where the administrators' actions are.
let security: Member;
let audit: Member;
const login = (username: string, password: string) =>
  Api.anonymous().post(
    '/api/auth/login',
    { username, password },
    { 'x-forwarded-for': `198.51.100.${1 + Math.floor(Math.random() * 250)}` },
  );
const token = async (username: string, password = PASSWORD) => {
  const r = await login(username, password);
  expect(r.status).toBe(200);
  return new Api(r.body.accessToken);
};
const sessionId = (api: Api) =>
  JSON.parse(Buffer.from(api.token!.split('.')[1], 'base64url').toString()).jti as string;
const setPolicy = async (change: Partial<SecurityPolicy>) => {
  const r = await security.api.put('/api/security/policy', { ...DEFAULT_SECURITY_POLICY, ...change });
  expect(r.status).toBe(200);
};
/** Moves a session's clock back, as if that much time had passed without a request. */
const age = (api: Api, column: 'last_seen_at' | 'created_at', seconds: number) =>
  db().query(`UPDATE sessions SET ${column} = ${column} - make_interval(secs => $2) WHERE id = $1`, [
    sessionId(api),
    seconds,
  ]);

beforeAll(async () => {
  [security, audit] = await Promise.all([createUser('security_admin', {}), createUser('audit_admin', {})]);
});
afterEach(() => setPolicy({}));
afterAll(closeDb);

describe('the security policy', () => {
  it('starts at the defaults; a bad one is refused field by field and changes nothing', async () => {
    expect((await security.api.get('/api/security/policy')).body).toEqual(DEFAULT_SECURITY_POLICY);
    const bad = await security.api.put('/api/security/policy', {
      ...DEFAULT_SECURITY_POLICY,
      maxFailedLogins: 0,
      idleTimeoutMinutes: 600,
      sessionLifetimeMinutes: 60,
      trustedProxies: ['loopback', 'not a proxy'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual([
      'maxFailedLogins',
      'idleTimeoutMinutes',
      'trustedProxies[1]',
    ]);
    const missing = await security.api.put('/api/security/policy', { maxFailedLogins: 5 });
    expect(missing.status).toBe(400);
    expect((await security.api.get('/api/security/policy')).body).toEqual(DEFAULT_SECURITY_POLICY);
  });

  it('is the security administrator’s alone: the system administrator and the others get 403', async () => {
    const change = { ...DEFAULT_SECURITY_POLICY, maxFailedLogins: 3 };
    expect((await (await adminApi()).put('/api/security/policy', change)).status).toBe(403);
    expect((await audit.api.put('/api/security/policy', change)).status).toBe(403);
    expect((await (await adminApi()).get('/api/security/sessions')).status).toBe(403);
    expect((await security.api.get('/api/security/policy')).body.maxFailedLogins).toBe(5);
  });
});

describe('sessions', () => {
  it('end when idle for the policy’s timeout: 2 idle minutes pass under 30, not under 1', async () => {
    const user = await createUser('commissioner', {}, undefined, '专员 李明');
    const [a, b] = [await token(user.username), await token(user.username)];
    await age(a, 'last_seen_at', 120);
    expect((await a.get('/api/me')).status).toBe(200); // default 30 minutes: still live

    await setPolicy({ idleTimeoutMinutes: 1 });
    await age(a, 'last_seen_at', 61);
    const idle = await a.get('/api/me');
    expect([idle.status, idle.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    await age(b, 'last_seen_at', 45);
    expect((await b.get('/api/me')).status).toBe(200); // used within the minute
    console.log('idle timeout 1 min: 61 s idle → 401, 45 s idle → 200; under 30 min, 120 s idle → 200');
  });

  it('end at the policy’s lifetime however busy they are', async () => {
    const user = await createUser('commissioner', {});
    const api = await token(user.username);
    await setPolicy({ sessionLifetimeMinutes: 5, idleTimeoutMinutes: 5 });
    await age(api, 'created_at', 4 * 60);
    expect((await api.get('/api/me')).status).toBe(200);
    await age(api, 'created_at', 61);
    expect((await api.get('/api/me')).status).toBe(401);
  });

  it('are listed and revoked by the security administrator; the revoked token stops at once', async () => {
    const user = await createUser('commissioner', {}, undefined, '专员 李明');
    const [a, b] = [await token(user.username), await token(user.username)];
    const listed = await security.api.get(`/api/security/sessions?username=${user.username}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [sessionId(user.api), sessionId(a), sessionId(b)].sort(), // createUser signed in once too
    );
    expect(listed.body.items[0]).toMatchObject({
      username: user.username,
      displayName: '专员 李明',
      role: 'commissioner',
    });

    expect((await security.api.request('DELETE', `/api/security/sessions/${sessionId(a)}`)).status).toBe(204);
    expect((await a.get('/api/me')).status).toBe(401);
    expect((await b.get('/api/me')).status).toBe(200);
    expect((await security.api.request('DELETE', `/api/security/sessions/${sessionId(a)}`)).status).toBe(404);
    const after = await security.api.get(`/api/security/sessions?username=${user.username}`);
    expect(after.body.items.map((s: { id: string }) => s.id).sort()).toEqual(
      [sessionId(user.api), sessionId(b)].sort(),
    );
  });
});

describe('the live sessions list', () => {
  it('comes a page at a time with the total, newest use first; a page too large is 400', async () => {
    const user = await createUser('commissioner', {}, undefined, '专员 王五');
    const [a, b] = [await token(user.username), await token(user.username)];
    await age(a, 'last_seen_at', 20);
    await age(b, 'last_seen_at', 10);
    const page = (n: number) =>
      security.api.get(`/api/security/sessions?username=${user.username}&page=${n}&pageSize=2`);
    const first = await page(1);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([sessionId(user.api), sessionId(b)]);
    const second = await page(2);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.body.items.map((s: { id: string }) => s.id)).toEqual([sessionId(a)]);
    const all = await security.api.get(`/api/security/sessions?username=${user.username}`);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const tooLarge = await security.api.get('/api/security/sessions?pageSize=101');
    expect([tooLarge.status, tooLarge.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('pages and counts in the database: 1,200 live sessions all listed, ended ones neither listed nor counted', async () => {
    const user = await createUser('commissioner', {});
    const seeded = '203.0.113.77';
    // 1,200 live sessions used 1 to 21 minutes ago (the idle timeout is 30), between them 300 used
    // as recently that ended at their lifetime (8 hours), and 300 idle for 31 minutes and more. A
    // list that read 1,000 rows and paged them in memory counted 1,000 and ended at page 10.
    await db().query(
      `INSERT INTO sessions (id, user_id, client_address, created_at, last_seen_at)
       SELECT gen_random_uuid(), u.id, $2, now() - interval '1 hour', now() - make_interval(secs => 60 + i)
         FROM users u, generate_series(0, 1199) i WHERE u.username = $1
       UNION ALL
       SELECT gen_random_uuid(), u.id, $2, now() - interval '9 hours', now() - make_interval(secs => 59.5 + i)
         FROM users u, generate_series(0, 299) i WHERE u.username = $1
       UNION ALL
       SELECT gen_random_uuid(), u.id, $2, now() - interval '2 hours', now() - make_interval(secs => 1860 + i)
         FROM users u, generate_series(0, 299) i WHERE u.username = $1`,
      [user.username, seeded],
    );
    try {
      const ids: string[] = [];
      for (let n = 1; n <= 13; n++) {
        const r = await security.api.get(
          `/api/security/sessions?username=${user.username}&page=${n}&pageSize=100`,
        );
        expect(r.status).toBe(200);
        // Its own login's session and the 1,200 seeded live ones.
        expect(r.body).toMatchObject({ total: 1201, page: n, pageSize: 100 });
        expect(r.body.items).toHaveLength(n < 13 ? 100 : 1);
        for (const s of r.body.items) expect(Date.parse(s.endsAt)).toBeGreaterThan(Date.now());
        ids.push(...r.body.items.map((s: { id: string }) => s.id));
      }
      expect(new Set(ids).size).toBe(1201);
      expect(ids[0]).toBe(sessionId(user.api));
      const past = await security.api.get(
        `/api/security/sessions?username=${user.username}&page=14&pageSize=100`,
      );
      expect(past.body).toMatchObject({ items: [], total: 1201, page: 14 });
    } finally {
      await db().query(`DELETE FROM sessions WHERE client_address = $1`, [seeded]);
    }
  });
});

describe('X-Forwarded-For', () => {
  it('is believed only from the policy’s trusted proxies (loopback by default)', async () => {
    const user = await createUser('commissioner', {});
    const addressOf = async (api: Api) => {
      const r = await security.api.get(`/api/security/sessions?username=${user.username}`);
      return r.body.items.find((s: { id: string }) => s.id === sessionId(api)).clientAddress as string;
    };
    const from = (forwardedFor: string) =>
      Api.anonymous()
        .post(
          '/api/auth/login',
          { username: user.username, password: PASSWORD },
          { 'x-forwarded-for': forwardedFor },
        )
        .then((r) => new Api(r.body.accessToken));
    // The test client is on loopback: by default a trusted proxy, so the header names the client.
    expect(await addressOf(await from('203.0.113.9'))).toBe('203.0.113.9');
    await setPolicy({ trustedProxies: ['192.0.2.1'] });
    const direct = await addressOf(await from('203.0.113.9'));
    expect(direct).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    console.log(
      `X-Forwarded-For from loopback: trusted by default; with trustedProxies [192.0.2.1] → ${direct}`,
    );
  });
});

describe('outbound hosts', () => {
  it('a robot URL on a host the policy lists is accepted, refused once it is no longer listed', async () => {
    const user = await createUser('commissioner', {});
    const save = () =>
      user.api.put('/api/me/notification-preferences', {
        wecomWebhook: 'https://hooks.example.cn/robot?key=k',
      });
    const refused = await save();
    expect([refused.status, refused.body.details?.[0]?.field]).toEqual([400, 'wecomWebhook']);
    await setPolicy({ outboundHosts: ['hooks.example.cn'] });
    const accepted = await save();
    expect([accepted.status, accepted.body.details]).toEqual([200, undefined]);
    await setPolicy({});
    expect((await save()).status).toBe(400);
  });
});

describe('login failures and passwords under the policy', () => {
  it('lock at the policy’s count and are listed and lifted by the security administrator', async () => {
    await setPolicy({ maxFailedLogins: 3 });
    const user = await createUser('commissioner', {});
    for (let i = 0; i < 3; i++) expect((await login(user.username, `wrong-${i}-pass`)).status).toBe(401);
    expect((await login(user.username, PASSWORD)).status).toBe(429);
    const locked = await security.api.get('/api/security/lockouts');
    expect(locked.body.items.map((l: { username: string }) => l.username)).toContain(user.username);

    expect((await security.api.request('DELETE', `/api/security/lockouts/${user.username}`)).status).toBe(
      204,
    );
    expect((await login(user.username, PASSWORD)).status).toBe(200);
    expect((await security.api.request('DELETE', `/api/security/lockouts/${user.username}`)).status).toBe(
      404,
    );
  });

  it('must meet the policy’s complexity, at creation and at the own change', async () => {
    await setPolicy({ passwordMinLength: 12, passwordRequireSymbol: true });
    const username = `strict-${tag()}`;
    const create = (password: string) =>
      adminApi().then((a) =>
        a.post('/api/users', { username, password, displayName: username, role: 'commissioner', scope: {} }),
      );
    const weak = await create('abcdef123456');
    expect([weak.status, weak.body.details[0].field]).toEqual([400, 'password']);
    expect((await create('abcdef-123456')).status).toBe(201);
    const api = await token(username, 'abcdef-123456');
    const change = await api.post('/api/me/password', {
      currentPassword: 'abcdef-123456',
      newPassword: 'ghijkl123456',
    });
    expect([change.status, change.body.details[0].field]).toEqual([400, 'newPassword']);
  });

  it('expire after the policy’s maximum age: the login must change it first (the one first-login flag)', async () => {
    const user = await createUser('commissioner', {});
    await setPolicy({ passwordMaxAgeDays: 90 });
    await db().query(
      `UPDATE users SET password_changed_at = now() - interval '91 days' WHERE username = $1`,
      [user.username],
    );
    const r = await login(user.username, PASSWORD);
    expect([r.status, r.body.user.mustChangePassword]).toEqual([200, true]);
    const api = new Api(r.body.accessToken);
    expect((await api.get('/api/enterprises')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await api.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'renewed-pass-123456',
    });
    expect(changed.status).toBe(200);
    expect((await new Api(changed.body.accessToken).get('/api/enterprises')).status).toBe(200);
  });
});

describe('三员: separated administrators', () => {
  it('only a system administrator creates administrators; 科技处 may not', async () => {
    const coordinator = await createUser('city_coordinator', {});
    const body = (role: string) => ({
      username: `adm-${tag()}`,
      password: PASSWORD,
      displayName: 'x',
      role,
      scope: {},
    });
    for (const role of ['system_admin', 'security_admin', 'audit_admin'])
      expect([role, (await coordinator.api.post('/api/users', body(role))).status]).toEqual([role, 403]);
    expect((await (await adminApi()).post('/api/users', body('audit_admin'))).status).toBe(201);
    // The contract's `admin` still creates a system administrator.
    const legacy = await (await adminApi()).post('/api/users', body('admin'));
    expect([legacy.status, legacy.body.role]).toEqual([201, 'system_admin']);
  });

  it('the audit administrator reads and verifies the log, the administrators’ own actions included, and changes nothing', async () => {
    await setPolicy({ lockMinutes: 20 });
    await security.api.get('/api/security/sessions');
    // The request audit writes once the answer is out: wait for it rather than race it.
    const actionsOf = async (reader: Api, actor: string) => {
      const r = await reader.get(`/api/audit?actor=${actor}&pageSize=100`);
      expect(r.status).toBe(200);
      return r.body.items.map((e: { action: string }) => e.action) as string[];
    };
    const wanted = ['PUT /api/security/policy', 'GET /api/security/sessions'];
    await eventually(async () => {
      const got = await actionsOf(audit.api, security.username);
      return wanted.every((a) => got.includes(a));
    }).catch(() => undefined);
    expect(await actionsOf(audit.api, security.username)).toEqual(expect.arrayContaining(wanted));
    expect((await audit.api.get('/api/audit/verify')).body.ok).toBe(true);
    // Its own reads are audited too, where the auditor sees them.
    const auditor = await createUser('auditor', {});
    expect(
      await eventually(async () => (await actionsOf(auditor.api, audit.username)).includes('GET /api/audit')),
    ).toBe(true);

    expect((await audit.api.post('/api/nominations', {})).status).toBe(403);
    expect((await audit.api.patch(`/api/users/${security.username}`, { displayName: 'x' })).status).toBe(403);
    for (const reader of [await adminApi(), (await createUser('city_coordinator', {})).api])
      expect((await reader.get('/api/audit')).status).toBe(403);
  });
});
