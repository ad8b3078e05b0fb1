import { adminApi, ADMIN, PASSWORD, createUser } from '../support/cast';
import { freePort, killAll, spawnApp, waitUntil } from './processes';

// Issue 20.7: production mode refuses unsafe set-ups. A second API process on the test database,
// started with NODE_ENV=production, is asked what a production deployment is asked.
jest.setTimeout(120_000);

const SECRET = 'production-test-secret-0123456789abcdef';
const METRICS_TOKEN = 'metrics-scraper-token-0123456789abcdef';
const BOOTSTRAP = { username: `boot-${Date.now().toString(36)}`, password: 'Installer-typed-2026' };
let url = '';

async function login(username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('production mode (issue 20.7)', () => {
  afterAll(killAll);

  it('refuses to start without JWT_SECRET, and with DEMO_MODE', async () => {
    const noSecret = spawnApp('api', { NODE_ENV: 'production', JWT_SECRET: '', DEMO_MODE: 'true' });
    expect((await noSecret.exited).code).toBe(1);
    expect(noSecret.stderr()).toContain('JWT_SECRET is required in production');
    expect(noSecret.stderr()).toContain('DEMO_MODE is refused in production');
    // The test stack's cheap password hashing (scripts/test.mjs) is refused too.
    expect(noSecret.stderr()).toContain('PASSWORD_HASH_MEMORY_KIB must be at least 19456');
  });

  describe('a production API', () => {
    beforeAll(async () => {
      const port = await freePort();
      url = `http://127.0.0.1:${port}`;
      spawnApp('api', {
        NODE_ENV: 'production',
        PORT: String(port),
        JWT_SECRET: SECRET,
        METRICS_TOKEN,
        DEMO_MODE: undefined,
        PASSWORD_HASH_MEMORY_KIB: undefined,
        PASSWORD_HASH_TIME_COST: undefined,
        ADMIN_USERNAME: BOOTSTRAP.username,
        ADMIN_PASSWORD: BOOTSTRAP.password,
      });
      await waitUntil(async () => (await fetch(`${url}/api/health/live`)).ok);
    });

    it('sends the security headers on every answer, HSTS only over TLS', async () => {
      for (const path of ['/api/health', '/', '/api/no-such-thing', '/api/enterprises']) {
        const res = await fetch(`${url}${path}`);
        expect([path, res.headers.get('content-security-policy')]).toEqual([
          path,
          expect.stringContaining("frame-ancestors 'none'"),
        ]);
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
      // Behind the TLS-terminating proxy (loopback is trusted), the request came over TLS.
      const tls = await fetch(`${url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    });

    it('asks a login for /api/docs and the scraper token for /metrics', async () => {
      expect((await fetch(`${url}/api/docs-json`)).status).toBe(401);
      expect((await fetch(`${url}/api/docs`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const wrong = { authorization: `Bearer ${'x'.repeat(METRICS_TOKEN.length)}` };
      expect((await fetch(`${url}/metrics`, { headers: wrong })).status).toBe(401);
      const scraper = { authorization: `Bearer ${METRICS_TOKEN}` };
      expect((await fetch(`${url}/metrics`, { headers: scraper })).status).toBe(200);

      const admin = await login(ADMIN.username, ADMIN.password);
      expect(admin.status).toBe(200);
      const docs = await fetch(`${url}/api/docs-json`, {
        headers: { authorization: `Bearer ${admin.body.accessToken}` },
      });
      expect(docs.status).toBe(200);
    });

    it('refuses demo accounts and demo passwords at login, not other accounts', async () => {
      // A database once seeded in demo mode: a demo account exists with its published password. (Not
      // the demo coordinator: test/api/auth.test.ts, on the same database, expects it to be absent.)
      const r = await (
        await adminApi()
      ).post('/api/users', {
        username: 'industry-t2',
        password: 'demo123456',
        displayName: 'demo',
        role: 'industry_officer',
        scope: { clusters: ['F1'] }, // a cluster no test's lifecycle uses: no task candidates change
      });
      expect([201, 409]).toContain(r.status);
      const demo = await login('industry-t2', 'demo123456');
      expect(demo).toMatchObject({ status: 403, body: { code: 'DEMO_ACCOUNT_REFUSED' } });
      const someone = await createUser('city_coordinator', {});
      expect((await login(someone.username, 'demo123456')).body.code).toBe('DEMO_ACCOUNT_REFUSED');
      expect((await login(someone.username, PASSWORD)).status).toBe(200);
    });

    it('makes the bootstrap administrator change its password before anything else', async () => {
      const first = await login(BOOTSTRAP.username, BOOTSTRAP.password);
      expect(first).toMatchObject({
        status: 200,
        body: { user: { role: 'system_admin', mustChangePassword: true } },
      });
      const as = (token: string) => ({ authorization: `Bearer ${token}` });
      const call = (path: string, token: string, init: RequestInit = {}) =>
        fetch(`${url}${path}`, { ...init, headers: { ...as(token), 'content-type': 'application/json' } });
      for (const path of ['/api/users', '/api/enterprises', '/api/admin/policy']) {
        const r = await call(path, first.body.accessToken);
        expect([path, r.status, ((await r.json()) as any).code]).toEqual([
          path,
          403,
          'PASSWORD_CHANGE_REQUIRED',
        ]);
      }
      const me = await call('/api/me', first.body.accessToken);
      expect(await me.json()).toMatchObject({ username: BOOTSTRAP.username, mustChangePassword: true });
      const changed = await call('/api/me/password', first.body.accessToken, {
        method: 'POST',
        body: JSON.stringify({ currentPassword: BOOTSTRAP.password, newPassword: 'Chosen-by-admin-7731' }),
      });
      expect(changed.status).toBe(200);
      const token = ((await changed.json()) as any).accessToken as string;
      expect((await call('/api/users', token)).status).toBe(200);
      expect(
        ((await call('/api/me', token).then((r) => r.json())) as any).mustChangePassword,
      ).toBeUndefined();
    });
  });
});
