// `npm run test:cluster`: the cluster profile (real Temporal server on PostgreSQL, two workers, two
// API processes behind nginx) on fresh databases, then test/cluster: 50 lifecycles to
// graduation while one worker is killed with SIGKILL. Not part of `npm test` (it takes minutes).
// Extra arguments go to jest.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { provisionClusterProfile } = await import('./lib/cluster.mjs');
const { portOpen } = await import('./lib/temporal.mjs');
const { provisionedServers } = await import('./lib/stack.mjs');
const { run } = await import('./lib/processes.mjs');

const dataDir = join(DATA, 'cluster-test');
const PORT = Number(process.env.TEST_CLUSTER_PORT ?? 3250);
const TEMPORAL_PORT = Number(process.env.TEST_CLUSTER_TEMPORAL_PORT ?? 7340);
const UI_PORT = Number(process.env.TEST_CLUSTER_UI_PORT ?? 7390);
const { servers, cleanup } = provisionedServers();
let exitCode = 1;

const started = Date.now();
try {
  await ensureBuilt();
  for (const port of [PORT, TEMPORAL_PORT, UI_PORT]) {
    if (await portOpen('127.0.0.1', port))
      throw new Error(`port ${port} is in use; set TEST_CLUSTER_PORT etc.`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  const namespace = 'hardtech-test';
  const profile = await provisionClusterProfile({
    namespace,
    databases: {
      app: process.env.TEST_CLUSTER_DB_NAME ?? 'hardtech_cluster_test',
      temporal: process.env.TEST_CLUSTER_TEMPORAL_DB_NAME ?? 'temporal_cluster_test',
    },
    port: PORT,
    temporalPort: TEMPORAL_PORT,
    uiPort: UI_PORT,
    workers: 2,
    apis: 2,
    dataDir,
    embeddedPostgresPort: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54359),
    fresh: true,
    env: {
      NODE_ENV: 'test',
      DEMO_MODE: 'false',
      TEMPORAL_TASK_QUEUE: 'hardtech-cluster-test',
      JWT_SECRET: 'cluster-test-secret-0123456789abcdef0123',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'test-admin-123456',
      LOG_LEVEL: 'info',
      // Test stacks start without the certificate requirement; test/serial/evidence.test.ts turns it on.
      INITIAL_POLICY: JSON.stringify({ evidenceRequired: false }),
    },
    echo: false,
  });
  servers.postgres = profile.postgres;
  step(`Running test/cluster (stack ready after ${Math.round((Date.now() - started) / 1000)} s)…`);
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'cluster', ...process.argv.slice(2)],
    {
      cwd: ROOT,
      env: {
        ...profile.env,
        TEST_CLUSTER: '1',
        API_URL: `http://127.0.0.1:${PORT}`,
        CLUSTER_STATE_FILE: join(dataDir, 'processes.json'),
        CLUSTER_DATA_DIR: dataDir,
        TEMPORAL_UI_URL: profile.temporal.uiUrl ?? '',
        TEMPORAL_SERVER_METRICS_URL: profile.temporal.metricsUrl ?? '',
        TEMPORAL_CLI: profile.temporal.cli ?? '',
      },
    },
  );
  exitCode = 0;
  ok(`cluster tests passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (e) {
  fail(`${e.message} (logs: ${join(dataDir, 'logs')})`);
} finally {
  await cleanup();
}
process.exit(exitCode);
