import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { adminApi, createUser, tag } from '../support/cast';
import { db } from '../support/db';
import { expectOk } from '../support/lifecycle';
import { freePort } from './processes';
import { kill, startApi } from '../support/worker-process';

// Issue 22 §5: single sign-on against a real OIDC provider on this machine — Ory Hydra with a login
// page of static users (scripts/lib/identity-service.mjs) — through an API process of its own
// configured with OIDC_ISSUER. A browser is played by fetch with a cookie jar, following redirects
// one by one so each hop can be checked.

const ROOT = join(__dirname, '../..');

/** A browser: one cookie jar (every server here is 127.0.0.1), redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async go(
    url: string,
    init: RequestInit = {},
  ): Promise<{ status: number; location: string | null; text: string }> {
    const r = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = r.headers.get('location');
    return {
      status: r.status,
      location: location && new URL(location, url).toString(),
      text: await r.text(),
    };
  }

  /** Follows redirects until one leaves for `stopAt` (answered, not fetched) or a page answers. */
  async follow(url: string, stopAt: string, init?: RequestInit) {
    let hop = await this.go(url, init);
    for (let i = 0; i < 10 && hop.location && !hop.location.startsWith(stopAt); i++)
      hop = await this.go(hop.location);
    return hop;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const challengeOf = (html: string) => /name="challenge" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('single sign-on (OIDC, authorization code with PKCE)', () => {
  let identity: ChildProcess;
  let api: ChildProcess;
  let base: string;
  let loginPage: string;
  const subject = `gov-${tag()}`;
  const users = [
    { username: 'zhang.san', password: 'sso-pass-0001', subject, name: '张三' },
    { username: 'li.si', password: 'sso-pass-0002', subject: `gov-unmapped-${tag()}`, name: '李四' },
  ];

  beforeAll(async () => {
    const [publicPort, adminPort, loginPort, apiPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    base = `http://127.0.0.1:${apiPort}`;
    identity = spawn(
      process.execPath,
      [
        join(ROOT, 'scripts/identity-service.mjs'),
        JSON.stringify({
          databaseUrl: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL,
          publicPort,
          adminPort,
          loginPort,
          users,
          redirectUris: [`${base}/api/auth/oidc/callback`],
          postLogoutRedirectUris: [`${base}/login`],
          logDir: join(process.env.TEST_DATA_DIR ?? join(ROOT, 'data/test'), 'logs'),
        }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const info = await new Promise<{ issuer: string; clientId: string; loginUrl: string }>(
      (resolve, reject) => {
        identity.stdout!.on('data', (d) => {
          const m = /identity service ready (\{.*\})/.exec(String(d));
          if (m) resolve(JSON.parse(m[1]));
        });
        identity.on('exit', (code) => reject(new Error(`identity service exited with ${code}`)));
      },
    );
    loginPage = info.loginUrl;
    const started = startApi(apiPort, process.env.TEMPORAL_TASK_QUEUE!, {
      OIDC_ISSUER: info.issuer,
      OIDC_CLIENT_ID: info.clientId,
      PUBLIC_URL: base,
    });
    api = started.process;
    await started.ready;
  }, 900_000); // the first run builds Hydra (minutes); later ones start it in seconds

  afterAll(async () => {
    await Promise.all([api && kill(api, 'SIGTERM'), identity && kill(identity, 'SIGTERM')]);
  });

  /** Starts a login at our API and signs in at the identity service; the callback URL it sends back. */
  async function signIn(browser: Browser, who: (typeof users)[number], returnTo = '/tasks') {
    const start = await browser.go(`${base}/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.location!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const form = await browser.follow(start.location!, loginPage);
    const page = await browser.go(form.location!);
    expect(page.text).toContain('统一身份认证平台');
    const submitted = await browser.go(`${loginPage}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        challenge: challengeOf(page.text),
        username: who.username,
        password: who.password,
      }).toString(),
    });
    expect(submitted.status).toBe(302);
    const back = await browser.follow(submitted.location!, `${base}/api/auth/oidc/callback`);
    expect(back.location).toMatch(new RegExp(`^${base}/api/auth/oidc/callback\\?code=`));
    return back.location!;
  }

  const fragment = (location: string | null) => new URLSearchParams(new URL(location!).hash.slice(1));

  it('says whether it is on, and the stack without OIDC_ISSUER has it off', async () => {
    expect(await (await fetch(`${base}/api/auth/oidc`)).json()).toEqual({
      enabled: true,
      label: '统一身份认证登录',
      loginUrl: '/api/auth/oidc/login',
    });
    const local = await fetch(`${process.env.API_URL}/api/auth/oidc`);
    expect(await local.json()).toEqual({ enabled: false, label: null, loginUrl: null });
    expect((await fetch(`${process.env.API_URL}/api/auth/oidc/login`, { redirect: 'manual' })).status).toBe(
      404,
    );
  });

  it('opens a session for the account mapped to the subject, once per callback, and signs out at both ends', async () => {
    const admin = await adminApi();
    const officer = await createUser('district_officer', { districts: ['500112'] });
    expect(
      await expectOk(admin.patch(`/api/users/${officer.username}`, { oidcSubject: subject })),
    ).toMatchObject({ username: officer.username, oidcSubject: subject });
    // One subject, one account.
    const other = await createUser('district_officer', { districts: ['500112'] });
    expect((await admin.patch(`/api/users/${other.username}`, { oidcSubject: subject })).status).toBe(409);
    expect((await admin.patch(`/api/users/${other.username}`, { oidcSubject: 'has space' })).status).toBe(
      400,
    );

    const browser = new Browser();
    const callback = await signIn(browser, users[0], '/tasks/abc?x=1');
    const landed = await browser.go(callback);
    expect(landed.status).toBe(302);
    expect(landed.location!.startsWith(`${base}/login#`)).toBe(true);
    const session = fragment(landed.location);
    expect(session.get('returnTo')).toBe('/tasks/abc?x=1');
    const token = session.get('token')!;
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ username: officer.username, role: 'district_officer' });
    const audit = await db().query(
      `SELECT data FROM audit_events WHERE actor = $1 AND action = 'auth.login' ORDER BY seq DESC LIMIT 1`,
      [officer.username],
    );
    expect(audit.rows[0].data).toMatchObject({ method: 'oidc', subject });

    // The same callback again (a replay, or the back button): no second session.
    const replay = await browser.go(callback);
    expect(fragment(replay.location).get('ssoError')).toBe('sso_state_unknown');
    expect(fragment(replay.location).get('token')).toBeNull();

    // Signing out ends our session and answers the identity service's sign-out, which comes back to /login.
    const out = await fetch(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const { endSessionUrl } = (await out.json()) as { endSessionUrl: string };
    expect(endSessionUrl).toMatch(/\/oauth2\/sessions\/logout\?.*id_token_hint=/);
    expect((await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    const signedOut = await browser.follow(endSessionUrl, `${base}/login`);
    expect(signedOut.location).toBe(`${base}/login`);
  });

  it('refuses a subject no account is mapped to, a refused consent and a callback without state', async () => {
    const browser = new Browser();
    const unknown = await browser.go(await signIn(browser, users[1]));
    expect(fragment(unknown.location).get('ssoError')).toBe('sso_account_unknown');
    const failed = await db().query(
      `SELECT data FROM audit_events WHERE actor = $1 AND action = 'auth.login_failed'`,
      [`oidc:${users[1].subject}`],
    );
    expect(failed.rows).toHaveLength(1);

    // The identity service answers an error (the person declined): a known state, no session.
    const start = await browser.go(`${base}/api/auth/oidc/login`);
    const state = new URL(start.location!).searchParams.get('state')!;
    const declined = await browser.go(`${base}/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(fragment(declined.location).get('ssoError')).toBe('sso_refused');

    const missing = await fetch(`${base}/api/auth/oidc/callback?code=abc`, { redirect: 'manual' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: 'SSO_STATE_MISSING' });
    // An address elsewhere becomes the inbox (no open redirect through the login).
    const elsewhere = await browser.go(
      `${base}/api/auth/oidc/login?returnTo=${encodeURIComponent('//evil.example')}`,
    );
    const pending = await db().query(`SELECT return_to FROM oidc_logins WHERE state = $1`, [
      new URL(elsewhere.location!).searchParams.get('state'),
    ]);
    expect(pending.rows).toEqual([{ return_to: '/' }]);
  });
});
