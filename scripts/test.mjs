// `npm test`: unit tests, then workflow and API tests against a real stack of its own — a fresh
// Temporal dev server, a fresh PostgreSQL database, the worker and the API on test ports — so it
// never touches the demo data. Everything it starts is stopped, also when tests fail.
// Extra arguments go to jest (e.g. `npm test -- test/lifecycle`).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { provisionPostgres } = await import('./lib/postgres.mjs');
const { portOpen, provisionTemporal } = await import('./lib/temporal.mjs');
const { migrate, provisionedServers, startApplication } = await import('./lib/stack.mjs');
const { run } = await import('./lib/processes.mjs');

const TEST_DATA = join(DATA, 'test');
const API_PORT = Number(process.env.TEST_API_PORT ?? 3100);
const TEMPORAL_PORT = Number(process.env.TEST_TEMPORAL_PORT ?? 7244);
const WEBHOOK_PORT = API_PORT + 98;

const { servers, cleanup } = provisionedServers();
let exitCode = 1;

const started = Date.now();
try {
  await ensureBuilt();
  if (!process.env.TEST_TEMPORAL_ADDRESS && (await portOpen('127.0.0.1', TEMPORAL_PORT))) {
    throw new Error(`port ${TEMPORAL_PORT} is in use (a test server left running?); set TEST_TEMPORAL_PORT`);
  }
  rmSync(TEST_DATA, { recursive: true, force: true });
  const postgres = (servers.postgres = await provisionPostgres({
    urlFromEnv: process.env.TEST_DATABASE_URL,
    database: process.env.TEST_DB_NAME ?? 'hardtech_test',
    recreate: true,
    embeddedDir: join(TEST_DATA, 'pg'),
    embeddedPort: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
  }));
  const temporal = (servers.temporal = await provisionTemporal({
    addressFromEnv: process.env.TEST_TEMPORAL_ADDRESS,
    port: TEMPORAL_PORT,
    uiPort: null,
    dbFile: join(TEST_DATA, 'temporal.db'),
    logFile: join(TEST_DATA, 'logs', 'temporal.log'),
    fresh: true,
  }));
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'hardtech-test',
    JWT_SECRET: 'test-secret-0123456789abcdef0123456789',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'test-admin-123456',
    LOG_LEVEL: 'info',
    // Test stacks start without the certificate requirement; test/serial/evidence.test.ts turns it on.
    INITIAL_POLICY: JSON.stringify({ evidenceRequired: false }),
    FILE_STORE_DIR: join(TEST_DATA, 'files'),

    // Workers that tests start take any free port for health and metrics: stacks run side by side.
    WORKER_HTTP_PORT: '0',
    // Reminders go to a receiver the timer tests open on this port.
    NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${WEBHOOK_PORT}/hook`,
    NOTIFY_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
    TEST_WEBHOOK_PORT: String(WEBHOOK_PORT),
    // E-mail reminders go to an SMTP server the channel tests open on this port.
    SMTP_URL: `smtp://127.0.0.1:${WEBHOOK_PORT - 1}`,
    TEST_SMTP_PORT: String(WEBHOOK_PORT - 1),
  };
  await migrate(env);
  await startApplication(env, { port: API_PORT, logDir: join(TEST_DATA, 'logs'), echo: false });
  step(`Running jest (stack ready after ${Math.round((Date.now() - started) / 1000)} s)…`);
  const jestEnv = {
    ...env,
    API_URL: `http://127.0.0.1:${API_PORT}`,
    TEST_DATA_DIR: TEST_DATA,
    TEMPORAL_CLI: temporal.cli ?? '',
  };
  const jest = (...args) =>
    run(
      process.execPath,
      [join(ROOT, 'node_modules/jest/bin/jest.js'), ...process.argv.slice(2), '--passWithNoTests', ...args],
      {
        cwd: ROOT,
        env: jestEnv,
      },
    );
  await jest('--selectProjects', 'unit', 'integration');
  // Tests that change global state (the active policy) run alone, after the others.
  await jest('--runInBand', '--selectProjects', 'serial');
  exitCode = 0;
  ok(`all tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (e) {
  fail(`${e.message} (logs: data/test/logs/)`);
} finally {
  await cleanup();
}
process.exit(exitCode);
