// `npm run start:cluster`: the same code on a real Temporal server with PostgreSQL persistence and
// visibility, two workers and two API processes behind nginx on one port, with the Temporal UI
// under /temporal/ for administrators.
// Ctrl-C stops everything, workers after draining. See README, "Operations".
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { bold, fail, notable, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

const started = Date.now();
await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { provisionClusterProfile } = await import('./lib/cluster.mjs');
const { CLUSTER } = await import('./lib/temporal-cluster.mjs');
const { run, stopAll } = await import('./lib/processes.mjs');

const PORT = Number(process.env.PORT ?? 3000);
const demo = process.env.NODE_ENV !== 'production' && process.env.DEMO_MODE !== 'false';
const dataDir = join(DATA, 'cluster');
let postgres;

async function shutdown(code) {
  step('Stopping (API processes finish their requests, workers drain)…');
  await stopAll();
  await postgres?.stop?.();
  ok('stopped');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  await ensureBuilt();
  const profile = await provisionClusterProfile({
    postgresUrl: process.env.DATABASE_URL,
    migrationUrl: process.env.MIGRATION_DATABASE_URL,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    namespace: process.env.TEMPORAL_NAMESPACE ?? CLUSTER.namespace,
    databases: {
      app: process.env.DB_NAME ?? 'hardtech_cluster',
      temporal: process.env.TEMPORAL_DB_NAME ?? 'temporal_cluster',
    },
    port: PORT,
    temporalPort: Number(process.env.TEMPORAL_PORT ?? 7233),
    uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
    workers: Number(process.env.WORKERS ?? CLUSTER.workerReplicas),
    apis: Number(process.env.API_PROCESSES ?? CLUSTER.apiReplicas),
    dataDir,
    embeddedPostgresPort: 54349,
    fresh: false,
    env: { DEMO_MODE: String(demo) },
    echo: notable,
  });
  postgres = profile.postgres;
  if (demo) {
    step('Seeding demo data…');
    await run(process.execPath, [join(ROOT, 'dist/apps/api/src/seed/run-demo-seed.js')], {
      cwd: ROOT,
      env: profile.env,
    });
    ok('demo data ready');
  }
  const { ports } = profile.application;
  console.log(`
${bold('中小型硬科技企业帮扶库 is up on a Temporal cluster')} (${Math.round((Date.now() - started) / 1000)} s)
  Web UI and API  http://localhost:${PORT}/   (nginx → API processes on ${ports.apis.slice(0, 2).join(', ')})
  Temporal        ${profile.temporal.address}, namespace ${profile.temporal.namespace}
  Temporal UI     ${profile.temporal.uiUrl ? `http://localhost:${PORT}/temporal/ (administrators, read-only)` : '(external server)'}
  Metrics         http://localhost:${ports.apis[0]}/metrics (API), http://localhost:${ports.workers[0]}/metrics (worker)
  Processes       ${join(dataDir, 'processes.json')}; logs (JSON) in ${profile.logDir}
  Ctrl-C stops everything.`);
} catch (e) {
  fail(e.message);
  await shutdown(1);
}
