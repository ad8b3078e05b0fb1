// `npm test`: unit tests, then workflow and API tests against a real stack of its own — a fresh
// Temporal dev server, a fresh PostgreSQL database, the worker and the API on test ports — so it
// never touches the demo data. Everything it starts is stopped, also when tests fail.
// Extra arguments go to jest (e.g. `npm test -- test/lifecycle`).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { freshStack } = await import('./lib/fresh-stack.mjs');
const { migrate, startApplication } = await import('./lib/stack.mjs');
const { run } = await import('./lib/processes.mjs');
const { ensureDebianCommand } = await import('./lib/debian.mjs');

const TEST_DATA = join(DATA, 'test');
const API_PORT = Number(process.env.TEST_API_PORT ?? 3100);
const WEBHOOK_PORT = API_PORT + 98;

const stack = freshStack();
let exitCode = 1;

const started = Date.now();
const jestArgs = process.argv.slice(2);
// A failing stage does not stop the next: one flaky test in the first would hide every failure of
// the others, and a CI run should name them all. The run fails at the end if any stage failed.
const failedStages = [];
const stage = async (name, body) => {
  try {
    await body();
  } catch (e) {
    failedStages.push(name);
    fail(`${name}: ${e.message}`);
  }
};
try {
  await ensureBuilt();
  // The web UI's component tests need no stack; a run narrowed to some jest tests skips them.
  if (jestArgs.length === 0) {
    step('Running the web UI component tests (vitest)…');
    await stage('vitest', () =>
      run(join(ROOT, 'node_modules/.bin/vitest'), ['run', '--config', 'apps/web/vite.config.mts'], {
        cwd: ROOT,
      }),
    );
  }
  // Debian programs the tests call, installed before the run rather than in the middle of a test.
  const { nginxBinary } = await import('./lib/nginx.mjs');
  nginxBinary();
  // The local identity service of the single sign-on test (built once, minutes the first time).
  await (await import('./lib/identity-service.mjs')).hydraBinary();
  // The printouts' tests read the PDFs' text back with poppler's pdftotext.
  ensureDebianCommand('pdftotext', 'poppler-utils', { paths: ['/usr/bin/pdftotext'] });
  const { temporal, env: stackEnv } = await stack.provision('test');

  const env = {
    ...stackEnv,
    // Test stacks start without the certificate requirement; test/serial/evidence.test.ts turns it on.
    INITIAL_POLICY: JSON.stringify({ evidenceRequired: false }),
    // The suite logs in about 1,200 times: at production's argon2 cost (64 MiB, 3 passes) that
    // is minutes of CPU on two cores. Tests that need slow logins start an API of their own cost.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_TIME_COST: '1',
    // Reminders go to a receiver the timer tests open on this port.
    NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${WEBHOOK_PORT}/hook`,
    NOTIFY_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
    // The receivers of the tests listen on loopback: allowed only because NODE_ENV=test lists it.
    NOTIFY_ALLOWED_HOSTS: '127.0.0.1',
    TEST_WEBHOOK_PORT: String(WEBHOOK_PORT),
    // E-mail reminders go to an SMTP server the channel tests open on this port.
    SMTP_URL: `smtp://127.0.0.1:${WEBHOOK_PORT - 1}`,
    TEST_SMTP_PORT: String(WEBHOOK_PORT - 1),
    // 企业微信 and 钉钉 applications: loopback servers test/notices/corp-messages opens on these ports.
    WECOM_CORP_ID: 'ww-test-corp',
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'wecom-test-secret',
    WECOM_API_BASE: `http://127.0.0.1:${WEBHOOK_PORT - 2}`,
    DINGTALK_APP_KEY: 'ding-test-key',
    DINGTALK_APP_SECRET: 'dingtalk-test-secret',
    DINGTALK_AGENT_ID: '2001',
    DINGTALK_API_BASE: `http://127.0.0.1:${WEBHOOK_PORT - 3}`,
    PUBLIC_URL: 'https://pool.test',
    // Signed checkpoints of the audit chain every 3 s (test/serial/audit-tamper.test.ts waits for one).
    AUDIT_CHECKPOINT_INTERVAL: '3',
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
      [join(ROOT, 'node_modules/jest/bin/jest.js'), ...jestArgs, '--passWithNoTests', ...args],
      {
        cwd: ROOT,
        env: jestEnv,
      },
    );
  // Integration tests mostly wait on the stack (workflow tasks, projections, timers): two side by side
  // keep two cores busier than one does (unit and integration 402 s → 276 s on this machine), where
  // jest's default (cores − 1) would run one. An explicit --maxWorkers or --runInBand wins.
  const chosen = jestArgs.some((a) => /^(--maxWorkers|-w|--runInBand|-i$)/.test(a));
  const workers = chosen ? [] : [`--maxWorkers=${Math.max(2, availableParallelism() - 1)}`];
  await stage('unit and integration', () => jest(...workers, '--selectProjects', 'unit', 'integration'));
  // Tests that change global state (the active policy) run alone, after the others.
  await stage('serial', () => jest('--runInBand', '--selectProjects', 'serial'));
  const seconds = Math.round((Date.now() - started) / 1000);
  if (failedStages.length > 0) throw new Error(`failed after ${seconds} s: ${failedStages.join(', ')}`);
  exitCode = 0;
  ok(`all tests passed in ${seconds} s`);
} catch (e) {
  fail(`${e.message} (logs: data/test/logs/)`);
} finally {
  await stack.cleanup();
}
process.exit(exitCode);
