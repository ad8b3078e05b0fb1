import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';
import { run, startProcess, stopAll, superviseProcess, waitFor } from './processes.mjs';

const node = process.execPath;
// `APP_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`): extra Node flags for the worker and
// the API only (NODE_OPTIONS refuses --cpu-prof and would profile every script too).
const appNodeArgs = (process.env.APP_NODE_ARGS ?? '').split(' ').filter(Boolean);

export async function migrate(env) {
  step('Migrating the database…');
  await run(node, [join(DIST, 'libs/persistence/src/migrate.js')], { cwd: ROOT, env });
  ok('database migrated');
}

/** The environment of the API and the worker: never the owner's URL (issue 20.2). */
export function applicationProcessEnv(env) {
  const { MIGRATION_DATABASE_URL: _owner, ...rest } = env;
  return rest;
}

/**
 * Starts the worker and the API processes and waits until the API is healthy. With
 * `onWorkerStart(child)` the worker is supervised: started again whenever it dies.
 */
export async function startApplication(stackEnv, { port, logDir, echo, onWorkerStart }) {
  const env = applicationProcessEnv(stackEnv);
  const workerOptions = {
    // Its health/metrics port: any free one unless set, so stacks side by side never collide.
    env: { WORKER_HTTP_PORT: '0', ...env },
    cwd: ROOT,
    echo,
    logFile: join(logDir, 'worker.log'),
  };
  const workerArgs = [...appNodeArgs, join(DIST, 'apps/worker/src/main.js')];
  const worker = onWorkerStart
    ? superviseProcess('worker', node, workerArgs, workerOptions, onWorkerStart)
    : { current: startProcess('worker', node, workerArgs, workerOptions) };
  const api = startProcess('api', node, [...appNodeArgs, join(DIST, 'apps/api/src/main.js')], {
    env: { ...env, PORT: String(port) },
    cwd: ROOT,
    echo,
    logFile: join(logDir, 'api.log'),
  });
  await waitFor(
    'the API to be healthy',
    async () => {
      for (const [name, child] of [
        ['worker', worker.current],
        ['api', api],
      ]) {
        if (child.exitCode !== null)
          throw new Error(`the ${name} exited (see ${join(logDir, `${name}.log`)})`);
      }
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      return res.ok;
    },
    { timeoutMs: 90000 },
  );
  ok(`API healthy on port ${port}`);
  return { worker, api };
}

/**
 * The servers a script provisions, and `cleanup()` that stops every process started here, then
 * Temporal and PostgreSQL (when they were started, not reused); run on SIGINT and SIGTERM too.
 */
export function provisionedServers() {
  const servers = { postgres: null, temporal: null };
  // Once: a signal's cleanup and the script's own (its child, stopped, fails the script) are one.
  let cleaning = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await stopAll();
      await servers.temporal?.teardown?.();
      await servers.postgres?.stop?.();
    })());
  process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
  process.on('SIGTERM', () => cleanup().then(() => process.exit(143)));
  return { servers, cleanup };
}
