// The application tier of the cluster profile: the migration, several workers and API processes
// (each restarted if it dies) and nginx, which puts the web files, the APIs and the Temporal UI
// behind one port (deploy/nginx).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';
import { API_FAIL_TIMEOUT_SECONDS, clusterNginxVars, startNginx } from './nginx.mjs';
import { superviseProcess, waitFor } from './processes.mjs';
import { applicationProcessEnv } from './stack.mjs';
import { auditEnv } from './audit-key.mjs';

const node = process.execPath;

/** The profile's ports, from the public one: APIs on port+1…, workers' health/metrics on port+11…. */
export function applicationPorts(port, count) {
  const range = (offset) => Array.from({ length: count }, (_, i) => port + offset + i);
  return { nginx: port, apis: range(1), workers: range(11) };
}

async function ready(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  return res.ok;
}

/**
 * Starts `workers` workers, `apis` API processes and nginx on `port`; resolves once every one is
 * ready. The current pids are kept in `stateFile` (JSON), for operators and the cluster test.
 */
export async function startClusterApplication(
  stackEnv,
  { port, workers = 2, apis = 2, uiPort, logDir, stateFile, echo, nginxPrefix },
) {
  const env = applicationProcessEnv(stackEnv);
  const ports = applicationPorts(port, Math.max(workers, apis));
  const state = { nginx: null, apis: [], workers: [] };
  const save = () => writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  // Each (re)start updates the state file with the current pid and restart count.
  const supervise = (role, i, entry, processEnv, recorded) => {
    const name = `${role === 'apis' ? 'api' : 'worker'}-${i + 1}`;
    return superviseProcess(
      name,
      node,
      [join(DIST, entry)],
      { env: processEnv, cwd: ROOT, echo, logFile: join(logDir, `${name}.log`) },
      (child, supervised) => {
        state[role][i] = { name, pid: child.pid, restarts: supervised.restarts, ...recorded };
        save();
      },
    );
  };
  const supervised = {
    workers: ports.workers
      .slice(0, workers)
      .map((httpPort, i) =>
        supervise(
          'workers',
          i,
          'apps/worker/src/main.js',
          { ...env, WORKER_HTTP_PORT: String(httpPort) },
          { httpPort },
        ),
      ),
    apis: ports.apis.slice(0, apis).map((apiPort, i) =>
      supervise(
        'apis',
        i,
        'apps/api/src/main.js',
        // A stopping API keeps serving past nginx's fail_timeout: a peer that was just restarted
        // (and that nginx still skips for its last failure) is back in rotation before this one goes.
        { SHUTDOWN_DELAY_SECONDS: String(API_FAIL_TIMEOUT_SECONDS + 1), ...env, PORT: String(apiPort) },
        { port: apiPort },
      ),
    ),
  };
  const vars = clusterNginxVars({ port: ports.nginx, apiPorts: ports.apis.slice(0, apis), uiPort, env });
  const nginx = startNginx({ prefix: nginxPrefix, vars, logFile: join(logDir, 'nginx.log'), echo });
  state.nginx = { name: 'nginx', pid: nginx.pid, port: ports.nginx, tls: vars.NGINX_TLS === 'on' };
  save();

  step(`Waiting for ${workers} workers, ${apis} API processes and nginx…`);
  const probes = [
    ...ports.workers.slice(0, workers).map((p) => `http://127.0.0.1:${p}/health/ready`),
    ...ports.apis.slice(0, apis).map((p) => `http://127.0.0.1:${p}/api/health/ready`),
    // Through nginx unless it speaks TLS with a certificate this process may not trust.
    ...(state.nginx.tls ? [] : [`http://127.0.0.1:${ports.nginx}/api/health/ready`]),
  ];
  await waitFor(
    'the application processes to be ready',
    async () => {
      if (nginx.exitCode !== null) throw new Error(`nginx exited (see ${join(logDir, 'nginx.log')})`);
      for (const url of probes) if (!(await ready(url))) return false;
      return true;
    },
    { timeoutMs: 120000, intervalMs: 500 },
  );
  ok(`${workers} workers and ${apis} API processes ready behind nginx on port ${ports.nginx}`);
  return { ports, nginx, ...supervised };
}

/**
 * The whole cluster profile: PostgreSQL (the application database and Temporal's two), a Temporal
 * server on it (unless `temporalAddress` names one, e.g. Temporal Cloud), the migration, then the
 * application tier. Used by `npm run start:cluster` and `npm run test:cluster`.
 */
export async function provisionClusterProfile(options) {
  const { postgresUrl, temporalAddress, namespace, databases, dataDir, fresh, env: extraEnv } = options;
  const { databaseEnv, provisionPostgres } = await import('./postgres.mjs');
  const { postgresServer, provisionTemporalCluster } = await import('./temporal-cluster.mjs');
  const { migrate } = await import('./stack.mjs');
  const logDir = join(dataDir, 'logs');
  const postgres = await provisionPostgres({
    urlFromEnv: postgresUrl,
    migrationUrlFromEnv: options.migrationUrl,
    database: databases.app,
    recreate: fresh,
    embeddedDir: join(dataDir, 'pg'),
    embeddedPort: options.embeddedPostgresPort,
  });
  const temporal = temporalAddress
    ? { address: temporalAddress, namespace, uiUrl: null }
    : await provisionTemporalCluster({
        pg: postgresServer(postgres.url),
        databases: { main: databases.temporal, visibility: `${databases.temporal}_visibility` },
        port: options.temporalPort,
        uiPort: options.uiPort,
        namespace,
        dir: join(dataDir, 'temporal'),
        logDir,
        fresh,
        tls: true,
      });
  const env = {
    // Four application processes share the PostgreSQL server with Temporal: five connections each.
    DATABASE_POOL_SIZE: '5',
    ...process.env,
    ...extraEnv,
    ...databaseEnv(postgres),
    ...auditEnv(dataDir),
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: namespace,
    ...temporal.clientEnv,
  };
  await migrate(env);
  const application = await startClusterApplication(env, {
    port: options.port,
    workers: options.workers,
    apis: options.apis,
    uiPort: temporalAddress ? undefined : options.uiPort,
    nginxPrefix: join(dataDir, 'nginx'),
    logDir,
    stateFile: join(dataDir, 'processes.json'),
    echo: options.echo,
  });
  return { postgres, temporal, env, application, logDir };
}
