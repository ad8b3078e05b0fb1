// `npm run test:e2e`: the web UI in a real browser against a real stack of its own — a fresh
// Temporal dev server, a fresh database, the worker and the API on e2e ports — driven by headless
// Chromium (playwright-core) through one enterprise's path from nomination to diagnosis
// (apps/web/e2e/). Screenshots of every main page go to artifacts/e2e/. Everything it starts is
// stopped, also when a step fails.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { freshStack } = await import('./lib/fresh-stack.mjs');
const { migrate, startApplication } = await import('./lib/stack.mjs');
const { ensureChromium } = await import('../apps/web/e2e/chromium.mjs');
const { runJourney } = await import('../apps/web/e2e/journey.mjs');
const { startIdentityService } = await import('./lib/identity-service.mjs');

const API_PORT = Number(process.env.E2E_API_PORT ?? 3600);

const stack = freshStack();
let exitCode = 1;
let stopIdentity = async () => {};

const started = Date.now();
try {
  ensureChromium((cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' }));
  await ensureBuilt();
  const { env, dataDir } = await stack.provision('e2e');

  // Single sign-on against a local identity service (Hydra and its login page) on the next ports.
  const baseUrl = `http://127.0.0.1:${API_PORT}`;
  const ssoUser = {
    username: 'zhou.tongchou',
    password: 'sso-e2e-pass-01',
    subject: 'gov-e2e-0001',
    name: '周统筹',
  };
  const identity = await startIdentityService({
    databaseUrl: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL,
    publicPort: API_PORT + 10,
    adminPort: API_PORT + 11,
    loginPort: API_PORT + 12,
    users: [ssoUser],
    redirectUris: [`${baseUrl}/api/auth/oidc/callback`],
    postLogoutRedirectUris: [`${baseUrl}/login`],
    logDir: join(dataDir, 'logs'),
  });
  stopIdentity = identity.stop;
  const appEnv = {
    ...env,
    OIDC_ISSUER: identity.issuer,
    OIDC_CLIENT_ID: identity.clientId,
    PUBLIC_URL: baseUrl,
  };

  // The default policy stays: certificates of the C3 and C5 claims are required with a nomination.
  await migrate(appEnv);
  await startApplication(appEnv, { port: API_PORT, logDir: join(dataDir, 'logs'), echo: false });
  step(`Driving Chromium (stack ready after ${Math.round((Date.now() - started) / 1000)} s)…`);
  await runJourney({
    baseUrl,
    admin: { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD },
    artifacts: join(ROOT, 'artifacts', 'e2e'),
    sso: { user: ssoUser },
  });
  exitCode = 0;
  ok(`e2e passed in ${Math.round((Date.now() - started) / 1000)} s (screenshots: artifacts/e2e/)`);
} catch (e) {
  fail(`${e.message} (logs: data/e2e/logs/, screenshots: artifacts/e2e/)`);
} finally {
  await stopIdentity();
  await stack.cleanup();
}
process.exit(exitCode);
