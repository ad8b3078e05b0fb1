// `npm start`: the whole system on one machine, with embedded defaults. Ctrl-C stops everything.
// Only Node built-ins are imported before dependencies are installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { auditEnv, retireCheckpoints } from './lib/audit-key.mjs';
import { bold, fail, notable, ok, step, warn } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { claimRun, forgetRun, recordRun, START } from './lib/run-file.mjs';

const started = Date.now();
const PORT = Number(process.env.PORT ?? 3000);
// Another start on this data/ is refused; what a killed one left running is stopped first.
await claimRun(DATA, START);
await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { databaseEnv, dropOrphanedReadModel, provisionPostgres } = await import('./lib/postgres.mjs');
const { portOpen, provisionTemporal } = await import('./lib/temporal.mjs');
const { migrate, startApplication } = await import('./lib/stack.mjs');
const { run, stopAll, watchChildren } = await import('./lib/processes.mjs');
watchChildren((children) => recordRun(DATA, children));

const TEMPORAL_PORT = Number(process.env.TEMPORAL_PORT ?? 7233);
const demo = process.env.NODE_ENV !== 'production' && process.env.DEMO_MODE !== 'false';
let temporal;
let postgres;

// Once: Ctrl-C during the start also fails the step it stopped, which must not stop twice.
let stopping = null;
function shutdown(code) {
  return (stopping ??= (async () => {
    step('Stopping…');
    await stopAll();
    await temporal?.teardown?.();
    await postgres?.stop?.();
    forgetRun(DATA);
    ok('stopped');
    process.exit(code);
  })());
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  // Before anything starts: a port another program holds would fail the API late, and that
  // program would answer the health check in its place.
  if (await portOpen('127.0.0.1', PORT))
    throw new Error(`port ${PORT} is in use by another program: stop it, or choose another with PORT=`);
  await ensureBuilt();
  postgres = await provisionPostgres({
    urlFromEnv: process.env.DATABASE_URL,
    migrationUrlFromEnv: process.env.MIGRATION_DATABASE_URL,
    database: process.env.DB_NAME ?? 'hardtech',
    embeddedDir: join(DATA, 'pg'),
    embeddedPort: 54329,
  });
  // The workflows live in data/temporal.db, the read model in PostgreSQL: a new data/ (a fresh
  // clone, a wiped folder) must not meet the tasks of an earlier stack's workflows.
  const temporalIsNew =
    !process.env.TEMPORAL_ADDRESS &&
    !existsSync(join(DATA, 'temporal.db')) &&
    !(await portOpen('127.0.0.1', TEMPORAL_PORT));
  if (temporalIsNew && !process.env.DATABASE_URL) {
    const dropped = await dropOrphanedReadModel(postgres.url, { demo });
    if (dropped) {
      warn(`database rebuilt: its ${dropped} lifecycles belonged to a Temporal server data/ no longer has`);
      const aside = retireCheckpoints(DATA);
      if (aside) warn(`its audit checkpoints set aside in ${aside}`);
    }
  }
  temporal = await provisionTemporal({
    addressFromEnv: process.env.TEMPORAL_ADDRESS,
    port: TEMPORAL_PORT,
    uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
    dbFile: join(DATA, 'temporal.db'),
    logFile: join(DATA, 'logs', 'temporal.log'),
  });
  const env = {
    ...process.env,
    ...databaseEnv(postgres),
    ...auditEnv(DATA),
    TEMPORAL_ADDRESS: temporal.address,
    DEMO_MODE: String(demo),
  };
  await migrate(env);
  await startApplication(env, { port: PORT, logDir: join(DATA, 'logs'), echo: notable });
  if (demo) {
    step('Seeding demo data (users and sample enterprises at several stages)…');
    await run(process.execPath, [join(ROOT, 'dist/apps/api/src/seed/run-demo-seed.js')], { cwd: ROOT, env });
    ok('demo data ready');
  }
  console.log(`
${bold('中小型硬科技企业帮扶库 is up')} (${Math.round((Date.now() - started) / 1000)} s)
  Web UI       http://localhost:${PORT}/
  API          http://localhost:${PORT}/api
  Swagger      http://localhost:${PORT}/api/docs
  Health       http://localhost:${PORT}/api/health
  Temporal UI  ${temporal.uiUrl ?? '(external server)'}
  Logs (JSON)  ${join(DATA, 'logs')}; warnings and errors are shown here
${
  demo
    ? `
  Demo logins (password demo123456): coordinator, industry-t2, industry-p1, district-500112,
  commissioner, sme-officer, finance-officer, auditor, leader, enterprise users ent-xince, ent-jingrui, …
  Administrator: admin / admin123456`
    : ''
}
  Ctrl-C stops everything.`);
} catch (e) {
  if (!stopping) fail(e.message);
  await shutdown(1);
}
