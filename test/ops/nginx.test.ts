import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ADMIN } from '../support/cast';
import { Api, API_URL } from '../support/api';
import { freePort, waitUntil } from './processes';

// nginx at the edge (deploy/nginx, issue 22 item 1): the configurations the cluster profile and
// compose render pass `nginx -t`, and a live nginx in front of the test stack's API (plus a dead
// port) does what the templates promise.
const ROOT = join(__dirname, '../..');
const NGINX_LIB = join(ROOT, 'scripts/lib/nginx.mjs');

/** Calls an export of scripts/lib/nginx.mjs (an ES module) in a node process; its result as JSON. */
function nginxLib(fn: string, ...args: unknown[]): any {
  const call = `m.${fn}(...${JSON.stringify(args)})`;
  const out = execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `import(${JSON.stringify(NGINX_LIB)}).then((m) => process.stdout.write('\\n' + (JSON.stringify(${call}) ?? '')))`,
  ]).toString();
  // The result is the last line: installing nginx on first use prints its progress before it.
  const last = out.trimEnd().split('\n').pop();
  return last ? JSON.parse(last) : undefined;
}

const nginx = (): string => nginxLib('nginxBinary');
const test = (prefix: string, conf: string) =>
  spawnSync(nginx(), ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });

describe('nginx configuration (deploy/nginx)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'nginx-conf-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders and passes nginx -t for the cluster profile, with and without TLS', () => {
    const plain = nginxLib('clusterNginxVars', {
      port: 18080,
      apiPorts: [18081, 18082],
      uiPort: 18090,
      env: {},
    });
    expect(plain).toMatchObject({ NGINX_LISTEN: '18080', NGINX_TLS: 'off', NGINX_MAX_BODY: '12m' });
    const conf = nginxLib('renderNginxConfig', join(dir, 'plain'), plain);
    expect(test(join(dir, 'plain'), conf).stderr).toContain('test is successful');

    const cert = join(dir, 'tls.crt');
    const key = join(dir, 'tls.key');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' }); // prettier-ignore
    const tls = nginxLib('clusterNginxVars', {
      port: 18443,
      apiPorts: [18081],
      uiPort: 18090,
      env: { NGINX_TLS_CERT: cert, NGINX_TLS_KEY: key },
    });
    expect(tls).toMatchObject({ NGINX_LISTEN: '18443 ssl', NGINX_TLS: 'on' });
    const tlsConf = nginxLib('renderNginxConfig', join(dir, 'tls'), tls);
    expect(test(join(dir, 'tls'), tlsConf).stderr).toContain('test is successful');
  });

  it('nginx -t catches a broken rendering (the check can fail)', () => {
    const vars = nginxLib('clusterNginxVars', { port: 18080, apiPorts: [18081], env: {} });
    const conf = nginxLib('renderNginxConfig', join(dir, 'broken'), { ...vars, NGINX_MAX_BODY: 'lots' });
    const r = test(join(dir, 'broken'), conf);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('"client_max_body_size" directive invalid value');
  });

  it('refuses a template variable without a value', () => {
    expect(() => nginxLib('renderNginxConfig', join(dir, 'missing'), { NGINX_LISTEN: '1' })).toThrow(
      /no value for \$\{API_SERVERS\}/,
    );
  });
});

describe('nginx in front of the API', () => {
  let dir: string;
  let proc: ChildProcess;
  let ui: Server;
  const uiRequests: string[] = [];
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nginx-live-'));
    chmodSync(dir, 0o755); // nginx's workers (nobody, when started as root) read the web files
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><html><body>帮扶库</body></html>');
    writeFileSync(
      join(web, 'assets', 'index-Ab12Cd34.js'),
      `console.log(${JSON.stringify('x'.repeat(5000))});`,
    );
    // A stand-in for the Temporal UI server: it records what reaches it.
    ui = createServer((req, res) => {
      uiRequests.push(`${req.method} ${req.url}`);
      res.end('<html>temporal ui</html>');
    });
    const [port, dead, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);
    await new Promise<void>((r) => ui.listen(uiPort, '127.0.0.1', r));
    const api = new URL(API_URL);
    const vars = {
      ...nginxLib('clusterNginxVars', { port, apiPorts: [], uiPort, env: { WEB_ROOT: web } }),
      API_SERVERS: nginxLib('apiServers', [`127.0.0.1:${dead}`, `${api.hostname}:${api.port}`]),
      NGINX_MAX_BODY: '1m',
    };
    const prefix = join(dir, 'nginx');
    const conf = nginxLib('renderNginxConfig', prefix, vars);
    proc = spawn(nginx(), ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
    url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => (await fetch(`${url}/index.html`)).ok);
  });

  afterAll(async () => {
    proc?.kill('SIGTERM');
    await new Promise((r) => proc?.once('exit', r));
    ui?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes /api to a live API process, skipping the dead one, for GET and POST', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await fetch(`${url}/api/health/live`)).status);
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      statuses.push(login.status);
    }
    expect(statuses).toEqual(Array(12).fill(200));
    // The caller's request id reaches the API and comes back; without one, nginx makes one.
    const traced = await fetch(`${url}/api/health/live`, { headers: { 'x-request-id': 'edge-test-1' } });
    expect(traced.headers.get('x-request-id')).toBe('edge-test-1');
    expect((await fetch(`${url}/api/health/live`)).headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('serves the web files: long cache for hashed assets, none for index.html, gzip, security headers', async () => {
    const asset = await fetch(`${url}/assets/index-Ab12Cd34.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    // Raw bytes, to see nginx's gzip (fetch would decode it silently).
    const raw = execFileSync('curl', [
      '-s',
      '-H',
      'accept-encoding: gzip',
      `${url}/assets/index-Ab12Cd34.js`,
    ]);
    expect(gunzipSync(raw).toString()).toContain('xxxxx');
    expect(raw.length).toBeLessThan(1000);

    const route = await fetch(`${url}/tasks/inbox`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('帮扶库');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(route.headers.get('x-frame-options')).toBe('DENY');
    expect(route.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(route.headers.get('referrer-policy')).toBe('no-referrer');
    // The API's answers keep the API's own headers, once (nginx adds none of its own there).
    const api = await fetch(`${url}/api/health/live`);
    expect(api.headers.get('content-security-policy')).toBe(route.headers.get('content-security-policy'));
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(route.headers.get('server')).toBe('nginx');
  });

  it('refuses bodies over the limit with 413 before the API sees them', async () => {
    const r = await fetch(`${url}/api/nominations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(r.status).toBe(413);
  });

  it('lets the Temporal UI through only for an administrator, and read-only', async () => {
    expect((await fetch(`${url}/temporal/`)).status).toBe(401);
    expect(uiRequests).toEqual([]);

    const login = async (username: string, password: string) =>
      (
        (await (
          await fetch(`${url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password }),
          })
        ).json()) as any
      ).accessToken as string;
    const token = await login(ADMIN.username, ADMIN.password);
    const session = await fetch(`${url}/api/ops/temporal-ui/session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hardtech_temporal_ui=[\w.-]+; Path=\/temporal; HttpOnly; SameSite=Strict$/);
    const pair = cookie.split(';')[0];

    const page = await fetch(`${url}/temporal/namespaces`, { headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('temporal ui');
    expect(uiRequests).toEqual(['GET /temporal/namespaces']);
    // Writes never reach the UI server.
    const write = await fetch(`${url}/temporal/api/v1/namespaces/x/workflows/y/terminate`, {
      method: 'POST',
      headers: { cookie: pair },
    });
    expect(write.status).toBe(403);
    expect(uiRequests).toHaveLength(1);

    // Signed out, the same cookie opens nothing.
    await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect((await fetch(`${url}/temporal/namespaces`, { headers: { cookie: pair } })).status).toBe(401);
    expect(uiRequests).toHaveLength(1);
  });

  it('answers 403 to a logged-in user who is not an administrator', async () => {
    const admin = await Api.login(ADMIN.username, ADMIN.password);
    const username = `ops-auditor-${Date.now()}`;
    const password = 'auditor-pass-123456';
    const created = await admin.post('/api/users', {
      username,
      password,
      displayName: '审计',
      role: 'auditor',
      scope: {},
    });
    expect(created.status).toBe(201);
    const auditor = await Api.login(username, password);
    const r = await fetch(`${url}/temporal/`, {
      headers: { cookie: `hardtech_temporal_ui=${auditor.token}` },
    });
    expect(r.status).toBe(403);
    expect(uiRequests).toHaveLength(1);
  });

  it('limits login attempts per address (429 past the burst)', async () => {
    // All at once: sent one after another, slow logins on a loaded machine let the bucket refill.
    const statuses = await Promise.all(
      Array.from({ length: 14 }, () =>
        fetch(`${url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        }).then((r) => r.status),
      ),
    );
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    // Another client behind a trusted proxy in front (loopback: NGINX_REAL_IP_FROM) has its own limit.
    const other = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.8.7' },
      body: JSON.stringify(ADMIN),
    });
    expect(other.status).toBe(200);
  });
});
