// `npm run test:faults`: a stack of its own whose parts the tests may break — a private PostgreSQL
// server (data/faults/pg, never the shared one on 5432), a file-backed Temporal dev server and a
// worker, both started again by a supervisor when they die — then test/faults: a fuzz run, and a
// load of lifecycles during which a worker is killed, Temporal and PostgreSQL are restarted.
// `--cluster`: the cluster profile's Temporal server (on the private PostgreSQL) instead of the
// dev server. Not part of `npm test`. Other arguments go to jest.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { auditEnv } from './lib/audit-key.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { postgresCommand, startPrivatePostgres } = await import('./lib/private-postgres.mjs');
const { portOpen, provisionTemporal } = await import('./lib/temporal.mjs');
const { postgresServer, provisionTemporalCluster } = await import('./lib/temporal-cluster.mjs');
const { migrate, startApplication } = await import('./lib/stack.mjs');
const { run, stopAll } = await import('./lib/processes.mjs');

const CLUSTER = process.argv.includes('--cluster');
const JEST_ARGS = process.argv.slice(2).filter((a) => a !== '--cluster');
const FAULTS_DATA = join(DATA, 'faults');
const LOGS = join(FAULTS_DATA, 'logs');
const API_PORT = Number(process.env.FAULTS_API_PORT ?? 3450);
const TEMPORAL_PORT = Number(process.env.FAULTS_TEMPORAL_PORT ?? 7550);
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 55433);
const WORKER_HTTP_PORT = API_PORT + 11;
// The processes the tests break, with their current pids (rewritten at every restart).
const STATE_FILE = join(FAULTS_DATA, 'processes.json');
const state = {};
const record = (name) => (child) => {
  state[name] = { pid: child.pid, startedAt: new Date().toISOString() };
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
};

let postgres;
let exitCode = 1;

async function cleanup() {
  await stopAll();
  try {
    postgres?.stop();
  } catch (e) {
    fail(`stopping the private PostgreSQL: ${e.message}`);
  }
}
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));

const started = Date.now();
try {
  await ensureBuilt();
  for (const port of [API_PORT, TEMPORAL_PORT, PG_PORT, WORKER_HTTP_PORT]) {
    if (await portOpen('127.0.0.1', port)) throw new Error(`port ${port} is in use; set FAULTS_*_PORT`);
  }
  rmSync(FAULTS_DATA, { recursive: true, force: true });
  postgres = await startPrivatePostgres({
    dir: join(FAULTS_DATA, 'pg'),
    port: PG_PORT,
    database: 'hardtech_faults',
  });
  const temporal = CLUSTER
    ? await provisionTemporalCluster({
        pg: postgresServer(postgres.url),
        databases: { main: 'temporal_faults', visibility: 'temporal_faults_visibility' },
        port: TEMPORAL_PORT,
        uiPort: null,
        namespace: 'hardtech-faults',
        dir: join(FAULTS_DATA, 'temporal'),
        logDir: LOGS,
        fresh: true,
        onStart: record('temporal'),
      })
    : await provisionTemporal({
        port: TEMPORAL_PORT,
        uiPort: null,
        dbFile: join(FAULTS_DATA, 'temporal.db'),
        logFile: join(LOGS, 'temporal.log'),
        fresh: true,
        onStart: record('temporal'),
      });
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DEMO_MODE: 'false',
    DATABASE_URL: postgres.appUrl,
    MIGRATION_DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporal.namespace ?? 'default',
    TEMPORAL_TASK_QUEUE: 'hardtech-faults',
    JWT_SECRET: 'faults-secret-0123456789abcdef0123456789',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'test-admin-123456',
    LOG_LEVEL: 'info',
    INITIAL_POLICY: JSON.stringify({ evidenceRequired: false }),
    FILE_STORE_DIR: join(FAULTS_DATA, 'files'),
    ...auditEnv(FAULTS_DATA),
    WORKER_HTTP_PORT: String(WORKER_HTTP_PORT),
  };
  await migrate(env);
  await startApplication(env, {
    port: API_PORT,
    logDir: LOGS,
    echo: false,
    onWorkerStart: record('worker'),
  });
  step(`Running test/faults (stack ready after ${Math.round((Date.now() - started) / 1000)} s)…`);
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'faults', ...JEST_ARGS],
    {
      cwd: ROOT,
      env: {
        ...env,
        TEST_FAULTS: '1',
        FAULTS_PROFILE: CLUSTER ? 'cluster' : 'dev',
        API_URL: `http://127.0.0.1:${API_PORT}`,
        FAULTS_STATE_FILE: STATE_FILE,
        FAULTS_WORKER_READY_URL: `http://127.0.0.1:${WORKER_HTTP_PORT}/health/ready`,
        // pg_ctl as the tests must call it (as the postgres user when we are root).
        FAULTS_PG_CTL: JSON.stringify(postgresCommand(postgres.bin, 'pg_ctl', []).flat()),
        FAULTS_PG_DATA: postgres.dataDir,
        FAULTS_PG_LOG: postgres.logFile,
        TEMPORAL_CLI: temporal.cli ?? '',
      },
    },
  );
  exitCode = 0;
  ok(`fault tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (e) {
  fail(`${e.message} (logs: ${LOGS})`);
} finally {
  await cleanup();
}
process.exit(exitCode);
