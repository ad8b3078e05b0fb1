// A real OIDC identity service on this machine, standing in for the government's unified identity
// platform (统一身份认证) in tests and demos: Ory Hydra (OpenID Certified), built from the Go
// module proxy, in memory, plus the small login-and-consent page Hydra leaves to its operator, with
// static users. Production points OIDC_ISSUER at the real platform instead.
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { URL, URLSearchParams } from 'node:url';
import { join } from 'node:path';
import { DATA, ROOT, TOOLS_BIN } from './paths.mjs';
import { goBinary, goBuildLog } from './go-tools.mjs';
import { ensureDatabase, tryConnect } from './postgres.mjs';
import { run, startProcess, stopProcess, waitFor } from './processes.mjs';
import { quietBuild } from './quiet-build.mjs';
import { buildOnce } from './build-lock.mjs';

export const HYDRA_VERSION = 'v2.3.0';
/** Hydra's go.mod has replace directives, so it is built as a tool of a module of ours. */
const HYDRA_MODULE_DIR = join(ROOT, 'deploy', 'sso', 'hydra');

/** The Hydra binary, built once into .tools/bin (a few minutes the first time; one build at a time). */
export async function hydraBinary() {
  const target = join(TOOLS_BIN, `hydra-${HYDRA_VERSION}`);
  if (existsSync(target)) return target;
  const go = goBinary();
  if (!go)
    throw new Error('Ory Hydra (the local identity service) is built with Go; there is no Go toolchain');
  return buildOnce({
    dir: TOOLS_BIN,
    name: `hydra-${HYDRA_VERSION}`,
    what: `Ory Hydra ${HYDRA_VERSION}`,
    logFile: goBuildLog('hydra'),
    built: () => (existsSync(target) ? target : null),
    build: async () => {
      // Written aside and renamed: the binary appears whole or not at all.
      const partial = `${target}.${process.pid}`;
      try {
        await quietBuild(
          `Ory Hydra ${HYDRA_VERSION}`,
          '5–10 minutes',
          go,
          ['build', '-o', partial, 'github.com/ory/hydra/v2'],
          {
            cwd: HYDRA_MODULE_DIR,
            logFile: goBuildLog('hydra'),
            env: { ...process.env, GOFLAGS: '-mod=mod' },
          },
        );
        renameSync(partial, target);
      } finally {
        rmSync(partial, { force: true });
      }
      return target;
    },
  });
}

const page = (title, body) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
  `<title>${title}</title><style>body{font-family:sans-serif;max-width:360px;margin:10vh auto;padding:0 16px}` +
  `label{display:block;margin:12px 0 4px}input{width:100%;height:40px;box-sizing:border-box;font-size:16px}` +
  `button{margin-top:16px;width:100%;height:44px;font-size:16px}.error{color:#c00}</style></head><body>${body}</body></html>`;

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
}

/**
 * Hydra's login, consent and logout pages: checks static users and tells Hydra's admin API who
 * signed in (the subject), grants the scopes asked for, and confirms sign-outs.
 */
function loginApp({ adminUrl, users, port }) {
  const admin = async (method, path, body) => {
    const r = await fetch(`${adminUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`hydra admin ${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const loginForm = (challenge, error = '') =>
    page(
      '统一身份认证平台',
      `<h1>统一身份认证平台</h1>${error ? `<p class="error">${error}</p>` : ''}` +
        `<form method="post" action="/login"><input type="hidden" name="challenge" value="${escapeHtml(challenge)}">` +
        `<label for="u">用户名</label><input id="u" name="username" autocomplete="username">` +
        `<label for="p">密码</label><input id="p" name="password" type="password" autocomplete="current-password">` +
        `<button type="submit">登录</button></form>`,
    );
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (status, html) =>
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    const redirect = (to) => res.writeHead(302, { location: to }).end();
    try {
      if (req.method === 'GET' && url.pathname === '/login') {
        return send(200, loginForm(url.searchParams.get('login_challenge') ?? ''));
      }
      if (req.method === 'POST' && url.pathname === '/login') {
        const form = await readForm(req);
        const user = users.find((u) => u.username === form.username && u.password === form.password);
        if (!user) return send(401, loginForm(form.challenge ?? '', '用户名或密码错误'));
        const q = `login_challenge=${encodeURIComponent(form.challenge)}`;
        const { redirect_to } = await admin('PUT', `/admin/oauth2/auth/requests/login/accept?${q}`, {
          subject: user.subject,
          remember: false,
        });
        return redirect(redirect_to);
      }
      if (req.method === 'GET' && url.pathname === '/consent') {
        const q = `consent_challenge=${encodeURIComponent(url.searchParams.get('consent_challenge') ?? '')}`;
        const consent = await admin('GET', `/admin/oauth2/auth/requests/consent?${q}`);
        const user = users.find((u) => u.subject === consent.subject);
        const { redirect_to } = await admin('PUT', `/admin/oauth2/auth/requests/consent/accept?${q}`, {
          grant_scope: consent.requested_scope,
          grant_access_token_audience: consent.requested_access_token_audience,
          session: { id_token: { name: user?.name ?? consent.subject } },
        });
        return redirect(redirect_to);
      }
      if (req.method === 'GET' && url.pathname === '/logout') {
        const q = `logout_challenge=${encodeURIComponent(url.searchParams.get('logout_challenge') ?? '')}`;
        const { redirect_to } = await admin('PUT', `/admin/oauth2/auth/requests/logout/accept?${q}`);
        return redirect(redirect_to);
      }
      if (url.pathname === '/favicon.ico') return res.writeHead(204).end(); // browsers ask for it
      send(404, page('404', '<p>not found</p>'));
    } catch (e) {
      send(502, page('错误', `<p class="error">${escapeHtml(e.message)}</p>`));
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/**
 * A fresh database for Hydra on the PostgreSQL server of `databaseUrl` (a URL with the right to
 * create databases), with Hydra's schema: its DSN. (Hydra's in-memory store needs a cgo SQLite
 * build; PostgreSQL is here anyway.)
 */
async function hydraDatabase(hydra, databaseUrl, name, logFile) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const admin = await tryConnect(url.toString());
  if (!admin) throw new Error(`cannot reach PostgreSQL at ${url.host} for the identity service`);
  try {
    await ensureDatabase(admin, name, { recreate: true });
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  url.search = '?sslmode=disable';
  const dsn = url.toString();
  await run(hydra, ['migrate', 'sql', 'up', '-e', '--yes'], {
    env: { ...process.env, DSN: dsn },
    stdio: ['ignore', 'ignore', 'inherit'],
  }).catch((e) => {
    throw new Error(`Hydra's migrations failed (${logFile}): ${e.message}`);
  });
  return dsn;
}

/**
 * Starts Hydra (public and admin ports, its own database next to `databaseUrl`) and the login app
 * on `loginPort`, and registers one public client (PKCE, no secret) for `redirectUris`. Answers the
 * issuer and client id, and stop().
 */
export async function startIdentityService({
  databaseUrl,
  publicPort,
  adminPort,
  loginPort,
  users,
  clientId = 'hardtech-pool',
  redirectUris,
  postLogoutRedirectUris,
  logDir = join(DATA, 'logs'),
}) {
  const hydra = await hydraBinary();
  const logFile = join(logDir, 'hydra.log');
  const dsn = await hydraDatabase(hydra, databaseUrl, `hydra_${publicPort}`, logFile);
  const issuer = `http://127.0.0.1:${publicPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const login = `http://127.0.0.1:${loginPort}`;
  const child = startProcess('hydra', hydra, ['serve', 'all', '--dev', '--sqa-opt-out'], {
    logFile,
    env: {
      ...process.env,
      DSN: dsn,
      SECRETS_SYSTEM: randomBytes(24).toString('hex'),
      URLS_SELF_ISSUER: issuer,
      URLS_LOGIN: `${login}/login`,
      URLS_CONSENT: `${login}/consent`,
      URLS_LOGOUT: `${login}/logout`,
      SERVE_PUBLIC_HOST: '127.0.0.1',
      SERVE_PUBLIC_PORT: String(publicPort),
      SERVE_ADMIN_HOST: '127.0.0.1',
      SERVE_ADMIN_PORT: String(adminPort),
      LOG_LEVEL: 'warn',
    },
  });
  const server = await loginApp({ adminUrl, users, port: loginPort });
  const stop = async () => {
    server.close();
    await stopProcess(child, 5000);
  };
  try {
    await waitFor('Hydra', async () => (await fetch(`${adminUrl}/health/ready`)).ok, { timeoutMs: 60_000 });
    const r = await fetch(`${adminUrl}/admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_id: clientId,
        client_name: '中小型硬科技企业帮扶库',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        scope: 'openid profile',
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
      }),
    });
    if (!r.ok) throw new Error(`registering the client at Hydra: ${r.status} ${await r.text()}`);
  } catch (e) {
    await stop();
    throw e;
  }
  return { issuer, adminUrl, loginUrl: login, clientId, stop };
}
