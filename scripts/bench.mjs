// `npm run bench`: the benchmark of issue 9 against a stack of its own (fresh databases, its own
// ports), then bench/results/latest.json and latest.md. `-- --quick` is the two-minute version,
// `-- --cluster` runs on the cluster profile (real Temporal server on PostgreSQL, two workers, two
// API processes behind nginx) instead of the dev server, `-- --save-baseline` keeps this run's cost
// as bench/results/baseline.json (issue 21's "half the cost" compares with it). `-- --only fanout`
// runs some phases (round-trip, throughput, fanout, inbox; comma-separated) and writes
// bench/results/only-<phases>.*; `-- --members N` (or BENCH_MEMBERS) sets the fan-out's size (5,000;
// 100 with --quick). Not part of `npm test`. SIGINT/SIGTERM stop jest and every server started here.
// Ports: BENCH_API_PORT (3350), BENCH_TEMPORAL_PORT (7450), BENCH_TEMPORAL_METRICS_PORT (the dev server's
// /metrics, Temporal's + 20); database BENCH_DB_NAME (hardtech_bench).
// Profiling: APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' gives the worker and the API (not
// the bench's own processes) those Node flags; a profile per thread is written when they stop, and
// `node scripts/cpu-profile.mjs <file>` sums it by package, file and function.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT } from './lib/paths.mjs';
import { fail, ok, step } from './lib/log.mjs';
import { ensureDependencies } from './lib/deps.mjs';

await ensureDependencies();
const { ensureBuilt } = await import('./lib/build.mjs');
const { freshStack } = await import('./lib/fresh-stack.mjs');
const { portOpen } = await import('./lib/temporal.mjs');
const { migrate, startApplication } = await import('./lib/stack.mjs');
const { provisionClusterProfile } = await import('./lib/cluster.mjs');
const { run } = await import('./lib/processes.mjs');

const args = process.argv.slice(2);
/** `--name value` or `--name=value`, taken out of the arguments left for jest. */
function option(name) {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const [arg] = args.splice(i, 1);
  if (arg.includes('=')) return arg.slice(name.length + 1);
  const [value] = args.splice(i, 1);
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}
const only = option('--only');
const members = option('--members') ?? process.env.BENCH_MEMBERS ?? '';
const quick = args.includes('--quick');
const cluster = args.includes('--cluster');
const saveBaseline = args.includes('--save-baseline');
const jestArgs = args.filter((a) => !['--quick', '--cluster', '--save-baseline'].includes(a));
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3350);
const TEMPORAL_PORT = Number(process.env.BENCH_TEMPORAL_PORT ?? 7450);
// The dev server's Prometheus metrics (its gRPC calls by method: bench/temporal-calls.ts), as the cluster's.
const TEMPORAL_METRICS_PORT = Number(process.env.BENCH_TEMPORAL_METRICS_PORT ?? TEMPORAL_PORT + 20);
const DB_NAME = process.env.BENCH_DB_NAME ?? 'hardtech_bench';
const dataDir = join(DATA, cluster ? 'bench-cluster' : 'bench');

// What the stack needs that a bench does not measure: no demo data, no certificates to upload.
const stackEnv = {
  NODE_ENV: 'test',
  DEMO_MODE: 'false',
  TEMPORAL_TASK_QUEUE: 'hardtech-bench',
  JWT_SECRET: 'bench-secret-0123456789abcdef0123456789',
  ADMIN_USERNAME: 'admin',
  ADMIN_PASSWORD: 'bench-admin-123456',
  LOG_LEVEL: 'warn',
  // The pool holds 300 by default; the fan-out needs room for its 5,000 members and the other phases'.
  INITIAL_POLICY: JSON.stringify({ evidenceRequired: false, poolCapacity: 20000 }),
};

const devStack = freshStack();
const { servers, cleanup } = devStack;
let exitCode = 1;

/** The dev-server stack of `npm test`, on the bench's ports and database. */
async function startDevStack() {
  const { temporal, env: fresh } = await devStack.provision('bench', {
    temporalMetricsPort: TEMPORAL_METRICS_PORT,
  });
  const env = {
    ...fresh,
    ...stackEnv,
    // The worker's metrics on the port the cluster profile would give it, for the bench's profile.
    WORKER_HTTP_PORT: String(API_PORT + 11),
  };
  await migrate(env);
  const { worker, api } = await startApplication(env, {
    port: API_PORT,
    logDir: join(dataDir, 'logs'),
    echo: false,
  });
  const pids = {
    workers: [worker.current.pid],
    apis: [api.pid],
    temporal: temporal.process ? [temporal.process.pid] : [],
  };
  return {
    env,
    pids,
    metrics: { workers: [API_PORT + 11], apis: [API_PORT] },
    temporalMetricsUrl: temporal.metricsUrl ?? '',
  };
}

/** The cluster profile of `npm run start:cluster`, on the bench's ports and fresh databases. */
async function startClusterStack() {
  const profile = await provisionClusterProfile({
    namespace: 'hardtech-bench',
    databases: { app: `${DB_NAME}_cluster`, temporal: 'temporal_bench' },
    port: API_PORT,
    temporalPort: TEMPORAL_PORT,
    uiPort: TEMPORAL_PORT + 40,
    workers: 2,
    apis: 2,
    dataDir,
    embeddedPostgresPort: 54379,
    fresh: true,
    env: stackEnv,
    echo: false,
  });
  servers.postgres = profile.postgres;
  const { apis, workers } = profile.application;
  const pids = { workers: workers.map((w) => w.current.pid), apis: apis.map((a) => a.current.pid) };
  const { ports } = profile.application;
  const metrics = { workers: ports.workers.slice(0, 2), apis: ports.apis.slice(0, 2) };
  return {
    env: profile.env,
    pids,
    metrics,
    stateFile: join(dataDir, 'processes.json'),
    temporalMetricsUrl: profile.temporal?.metricsUrl ?? '',
  };
}

const started = Date.now();
try {
  await ensureBuilt();
  for (const port of [API_PORT, TEMPORAL_PORT, ...(cluster ? [] : [TEMPORAL_METRICS_PORT])]) {
    if (await portOpen('127.0.0.1', port)) throw new Error(`port ${port} is in use; set BENCH_API_PORT etc.`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  const stack = cluster ? await startClusterStack() : await startDevStack();
  step(`Running the benchmark (stack ready after ${Math.round((Date.now() - started) / 1000)} s)…`);
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), '--selectProjects', 'bench', '--runInBand', ...jestArgs],
    {
      cwd: ROOT,
      env: {
        ...stack.env,
        BENCH: '1',
        BENCH_QUICK: quick ? '1' : '',
        BENCH_SAVE_BASELINE: saveBaseline ? '1' : '',
        BENCH_MEMBERS: members,
        BENCH_ONLY: only ?? '',
        BENCH_PROFILE: cluster ? 'cluster' : 'dev',
        BENCH_PIDS: JSON.stringify(stack.pids),
        BENCH_METRICS_PORTS: JSON.stringify(stack.metrics),
        BENCH_TEMPORAL_METRICS_URL: stack.temporalMetricsUrl,
        BENCH_STATE_FILE: stack.stateFile ?? '',
        API_URL: `http://127.0.0.1:${API_PORT}`,
      },
    },
  );
  exitCode = 0;
  ok(
    `benchmark done in ${Math.round((Date.now() - started) / 1000)} s: bench/results/${only ? 'only-<phases>' : 'latest'}.md`,
  );
} catch (e) {
  fail(`${e.message} (logs: ${join(dataDir, 'logs')})`);
} finally {
  await cleanup();
}
process.exit(exitCode);
