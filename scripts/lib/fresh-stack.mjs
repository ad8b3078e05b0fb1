import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './paths.mjs';
import { auditEnv } from './audit-key.mjs';
import { databaseEnv, provisionPostgres } from './postgres.mjs';
import { provisionedServers } from './stack.mjs';
import { portOpen, provisionTemporal } from './temporal.mjs';

// npm test, npm run test:e2e and npm run bench run side by side: each has its own database and ports.
const PROFILES = {
  test: { prefix: 'TEST_', database: 'hardtech_test', embeddedPort: 54339, temporalPort: 7244 },
  e2e: { prefix: 'E2E_', database: 'hardtech_e2e', embeddedPort: 54340, temporalPort: 7644 },
  bench: { prefix: 'BENCH_', database: 'hardtech_bench', embeddedPort: 54369, temporalPort: 7450 },
};

/**
 * What the test scripts share: a fresh database and a fresh Temporal dev server under their own
 * data folder and ports, stopped again on cleanup() — also on Ctrl-C or a kill.
 */
export function freshStack() {
  const { servers, cleanup } = provisionedServers();

  /**
   * The stack of a profile: its data folder, database and ports, each movable by its variable;
   * `temporalMetricsPort`: the dev server's Prometheus metrics on that port.
   */
  async function provision(name, { temporalMetricsPort } = {}) {
    const { prefix, database, embeddedPort, temporalPort } = PROFILES[name];
    const dataDir = join(DATA, name);
    const portVar = `${prefix}TEMPORAL_PORT`;
    const port = Number(process.env[portVar] ?? temporalPort);
    const temporalAddress = process.env[`${prefix}TEMPORAL_ADDRESS`];
    if (!temporalAddress && (await portOpen('127.0.0.1', port))) {
      throw new Error(`port ${port} is in use (a test server left running?); set ${portVar}`);
    }
    rmSync(dataDir, { recursive: true, force: true });
    const postgres = (servers.postgres = await provisionPostgres({
      urlFromEnv: process.env[`${prefix}DATABASE_URL`],
      migrationUrlFromEnv: process.env[`${prefix}MIGRATION_DATABASE_URL`],
      database: process.env[`${prefix}DB_NAME`] ?? database,
      recreate: true,
      embeddedDir: join(dataDir, 'pg'),
      embeddedPort: Number(process.env[`${prefix}EMBEDDED_PG_PORT`] ?? embeddedPort),
    }));
    const temporal = (servers.temporal = await provisionTemporal({
      addressFromEnv: temporalAddress,
      port,
      uiPort: null,
      dbFile: join(dataDir, 'temporal.db'),
      logFile: join(dataDir, 'logs', 'temporal.log'),
      fresh: true,
      metricsPort: temporalMetricsPort,
    }));
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      DEMO_MODE: 'false',
      ...databaseEnv(postgres),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `hardtech-${name}`,
      // The stack's worker keeps the schedules; a test's worker on a queue of its own leaves them.
      TEMPORAL_SCHEDULE_TASK_QUEUE: `hardtech-${name}`,
      JWT_SECRET: `${name}-secret-0123456789abcdef0123456789`,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: `${name}-admin-123456`,
      LOG_LEVEL: 'info',
      FILE_STORE_DIR: join(dataDir, 'files'),
      ...auditEnv(dataDir),
      // Workers take any free port for health and metrics: stacks run side by side.
      WORKER_HTTP_PORT: '0',
    };
    return { postgres, temporal, env, dataDir };
  }

  return { provision, cleanup, servers };
}
