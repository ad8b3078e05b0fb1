// `npm run start:cluster`: the same code on a real Temporal server with PostgreSQL persistence and
// visibility, two workers and two API processes behind nginx on one port, with the Temporal UI
// under /temporal/ for administrators.
// Ctrl-C stops everything, workers after draining; a start killed outright is cleaned up by the
// next (data/cluster/start-cluster.json, scripts/lib/run-file.mjs). See README, "Operations".
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { bold, fail, notable, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { claimRun, forgetRun, recordRun, START_CLUSTER } from './lib/run-file.mjs';

const started = Date.now();
const dataDir = process.env.CLUSTER_DATA_DIR ?? join(DATA, 'cluster');
// Another start:cluster on this folder is refused; what a killed one left running is stopped first.
await claimRun(dataDir, START_CLUSTER);
await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { applicationPorts, provisionClusterProfile } = await import('./lib/cluster.mjs');
const { CLUSTER } = await import('./lib/temporal-cluster.mjs');
const { portOpen } = await import('./lib/temporal.mjs');
const { run, stopAll, watchChildren } = await import('./lib/processes.mjs');
watchChildren((children) => recordRun(dataDir, children, START_CLUSTER));

const PORT = Number(process.env.PORT ?? 3000);
const TEMPORAL_PORT = Number(process.env.TEMPORAL_PORT ?? 7233);
const UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
const WORKERS = Number(process.env.WORKERS ?? CLUSTER.workerReplicas);
const APIS = Number(process.env.API_PROCESSES ?? CLUSTER.apiReplicas);
const demo = process.env.NODE_ENV !== 'production' && process.env.DEMO_MODE !== 'false';
let postgres;

async function shutdown(code) {
  step('Stopping (API processes finish their requests, workers drain)…');
  await stopAll();
  await postgres?.stop?.();
  forgetRun(dataDir, START_CLUSTER);
  ok('stopped');
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  // Before anything starts: a port another program holds would fail a process late, and that
  // program would answer the health checks in its place.
  const { apis, workers } = applicationPorts(PORT, Math.max(WORKERS, APIS));
  const needed = [PORT, ...apis.slice(0, APIS), ...workers.slice(0, WORKERS)];
  if (!process.env.TEMPORAL_ADDRESS) needed.push(TEMPORAL_PORT, UI_PORT);
  for (const port of needed)
    if (await portOpen('127.0.0.1', port))
      throw new Error(
        `port ${port} is in use by another program: stop it, or move the profile with PORT=, TEMPORAL_PORT=, TEMPORAL_UI_PORT=`,
      );
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
    temporalPort: TEMPORAL_PORT,
    uiPort: UI_PORT,
    workers: WORKERS,
    apis: APIS,
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
