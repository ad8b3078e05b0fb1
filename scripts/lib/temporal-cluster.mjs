// A real Temporal server (not the dev server) on PostgreSQL, built from the Go module proxy:
// the server and its schema tool at TEMPORAL_SERVER_VERSION, the Temporal UI server at
// TEMPORAL_UI_VERSION. Schemas come from the server module's own schema files. Everything is
// idempotent: a second start reuses the binaries, the databases and the namespace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';
import { goModuleDir, goTool } from './go-tools.mjs';
import { ensureDatabase, tryConnect } from './postgres.mjs';
import { startProcess, stopProcess, superviseProcess, waitFor } from './processes.mjs';
import { findTemporalCli, SEARCH_ATTRIBUTES } from './temporal.mjs';
import { ensureTemporalCertificates, temporalTlsEnv } from './certificates.mjs';

/** Versions, shards, namespace: shared with docker-compose.yml (test/ops/compose.test.ts checks). */
export const CLUSTER = JSON.parse(readFileSync(join(ROOT, 'deploy', 'cluster.json'), 'utf8'));
export const TEMPORAL_SERVER_VERSION = `v${CLUSTER.temporalServerVersion}`;
export const TEMPORAL_UI_VERSION = `v${CLUSTER.temporalUiVersion}`;
/** Fixed when the databases are set up; it cannot change afterwards. */
const HISTORY_SHARDS = CLUSTER.historyShards;
/** Closed lifecycles stay in Temporal (and its UI) this long; the read model keeps them for good. */
const RETENTION = CLUSTER.retention;

const SERVER_MODULE = 'go.temporal.io/server';

/** The server's ports, all derived from the frontend's so one number moves the whole block. */
export function temporalPorts(frontend) {
  return {
    frontend,
    history: frontend + 1,
    matching: frontend + 2,
    worker: frontend + 3,
    frontendHttp: frontend + 4,
    membership: {
      frontend: frontend + 10,
      history: frontend + 11,
      matching: frontend + 12,
      worker: frontend + 13,
    },
    metrics: frontend + 20,
  };
}

/** host, port, user and password of the PostgreSQL server behind an application database URL. */
export function postgresServer(url) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
    adminUrl: `${u.protocol}//${u.username}${u.password ? `:${u.password}` : ''}@${u.host}/postgres`,
  };
}

export async function buildTemporalBinaries({ ui }) {
  const server = await goTool({
    name: 'temporal-server',
    pkg: `${SERVER_MODULE}/cmd/server`,
    version: TEMPORAL_SERVER_VERSION,
    what: 'the Temporal server',
    expected: '6–9 minutes on 2 cores',
  });
  const sqlTool = await goTool({
    name: 'temporal-sql-tool',
    pkg: `${SERVER_MODULE}/cmd/tools/sql`,
    version: TEMPORAL_SERVER_VERSION,
    what: 'the Temporal SQL schema tool',
    expected: 'a minute once the server is built',
  });
  const uiServer = ui
    ? await goTool({
        name: 'temporal-ui-server',
        pkg: 'github.com/temporalio/ui-server/v2/cmd/server',
        version: TEMPORAL_UI_VERSION,
        what: 'the Temporal UI server',
        expected: '2–3 minutes',
      })
    : null;
  return { server, sqlTool, uiServer };
}

/**
 * Creates (or, with `fresh`, recreates) the persistence and visibility databases and brings their
 * schemas to the server's version with temporal-sql-tool, the same commands as the compose file's
 * schema job: setup-schema -v 0.0 (a no-op on a set-up database), then update-schema over the
 * module's versioned folders.
 */
async function setupSchemas({ sqlTool, pg, databases, fresh }) {
  const schemaRoot = join(goModuleDir(SERVER_MODULE, TEMPORAL_SERVER_VERSION), 'schema', 'postgresql', 'v12');
  const admin = await tryConnect(pg.adminUrl);
  if (!admin) throw new Error(`cannot connect to PostgreSQL at ${pg.host}:${pg.port} as ${pg.user}`);
  try {
    for (const name of Object.values(databases)) await ensureDatabase(admin, name, { recreate: fresh });
  } finally {
    await admin.end();
  }
  for (const [kind, name] of [
    ['temporal', databases.main],
    ['visibility', databases.visibility],
  ]) {
    const sql = (...command) => {
      const r = spawnSync(
        sqlTool,
        [
          '--plugin',
          'postgres12',
          '--ep',
          pg.host,
          '-p',
          String(pg.port),
          '-u',
          pg.user,
          '--db',
          name,
          ...command,
        ],
        { encoding: 'utf8', env: { ...process.env, SQL_PASSWORD: pg.password } },
      );
      if (r.status !== 0)
        throw new Error(`temporal-sql-tool ${command[0]} on ${name} failed:\n${r.stdout}${r.stderr}`);
    };
    sql('setup-schema', '-v', '0.0');
    sql('update-schema', '-d', join(schemaRoot, kind, 'versioned'));
  }
  ok(
    `Temporal: schemas of ${databases.main} and ${databases.visibility} at server ${TEMPORAL_SERVER_VERSION}`,
  );
}

/**
 * mTLS on every gRPC port: the frontend (our processes, the CLI, the UI) and between the services;
 * a client without a certificate of the profile's CA is refused at the handshake.
 */
function serverTls(certs) {
  const side = {
    server: {
      certFile: certs.server.cert,
      keyFile: certs.server.key,
      requireClientAuth: true,
      clientCaFiles: [certs.ca],
    },
    client: { serverName: certs.serverName, rootCaFiles: [certs.ca] },
  };
  return { internode: side, frontend: side };
}

function serverConfig({ pg, databases, ports, dir, certs }) {
  const sql = (databaseName, maxConns) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${pg.host}:${pg.port}`,
      connectProtocol: 'tcp',
      user: pg.user,
      password: pg.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort, membershipPort, extra = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: {
        // Per service (frontend, history, matching, worker each keep their own pools): modest, as
        // the local PostgreSQL is shared with the application and allows 100 connections.
        'postgres-default': sql(databases.main, 8),
        'postgres-visibility': sql(databases.visibility, 3),
      },
    },
    global: {
      ...(certs ? { tls: serverTls(certs) } : {}),
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: {
        prometheus: {
          framework: 'tally',
          timerType: 'histogram',
          listenAddress: `127.0.0.1:${ports.metrics}`,
        },
      },
    },
    services: {
      frontend: service(ports.frontend, ports.membership.frontend, { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.membership.history),
      matching: service(ports.matching, ports.membership.matching),
      worker: service(ports.worker, ports.membership.worker),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
          httpAddress: `127.0.0.1:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    dynamicConfigClient: { filepath: join(dir, 'dynamicconfig.yaml'), pollInterval: '10s' },
  };
}

/** YAML is a superset of JSON: the generated files are JSON with a header saying where they come from. */
function writeYaml(path, value) {
  writeFileSync(
    path,
    `# Generated by scripts/lib/temporal-cluster.mjs on each start; edit there.\n${JSON.stringify(value, null, 2)}\n`,
  );
}

/** The Temporal CLI against the profile's server: `target` is { temporalCli, address, env }. */
function cli({ temporalCli, address, env }, args) {
  return spawnSync(temporalCli, [...args, '--address', address], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/**
 * Registers the namespace and our custom search attributes (per namespace with SQL visibility).
 * A new namespace takes a few seconds to reach every service: the steps after it are retried.
 */
async function ensureNamespace(target, namespace) {
  let changed = false;
  if (cli(target, ['operator', 'namespace', 'describe', '--namespace', namespace]).status !== 0) {
    const r = cli(target, [
      'operator',
      'namespace',
      'create',
      '--namespace',
      namespace,
      '--retention',
      RETENTION,
    ]);
    if (r.status !== 0) throw new Error(`creating namespace ${namespace} failed: ${r.stderr}`);
    ok(`Temporal: namespace ${namespace} registered (retention ${RETENTION})`);
    changed = true;
  }
  let missing = [];
  await waitFor(
    `the search attributes of namespace ${namespace}`,
    async () => {
      const listed = cli(target, ['operator', 'search-attribute', 'list', '--namespace', namespace]);
      if (listed.status !== 0) throw new Error(listed.stderr.trim());
      missing = SEARCH_ATTRIBUTES.filter((name) => !new RegExp(`\\b${name}\\b`).test(listed.stdout));
      if (!missing.length) return true;
      const args = missing.flatMap((name) => ['--name', name, '--type', 'Keyword']);
      const r = cli(target, ['operator', 'search-attribute', 'create', '--namespace', namespace, ...args]);
      if (r.status !== 0) throw new Error(r.stderr.trim());
      ok(`Temporal: search attributes ${missing.join(', ')} created in ${namespace}`);
      changed = true;
      return true;
    },
    { timeoutMs: 60000, intervalMs: 1000 },
  );
  return changed;
}

/**
 * The Temporal server on PostgreSQL (and its UI when `uiPort`), ready for our namespace. With
 * `onStart(child)` the server is supervised: started again whenever it stops (the fault injection
 * stops it). Returns { address, namespace, uiUrl, server, ui, metricsUrl }.
 */
export async function provisionTemporalCluster({
  pg,
  databases,
  port,
  uiPort,
  namespace,
  dir,
  logDir,
  fresh,
  onStart,
  tls = false,
}) {
  const bins = await buildTemporalBinaries({ ui: !!uiPort });
  const temporalCli = await findTemporalCli();
  if (!temporalCli) throw new Error('the Temporal CLI is needed to register the namespace');
  await setupSchemas({ sqlTool: bins.sqlTool, pg, databases, fresh });

  const ports = temporalPorts(port);
  const address = `127.0.0.1:${ports.frontend}`;
  mkdirSync(join(dir, 'config'), { recursive: true });
  const certs = tls ? ensureTemporalCertificates(join(dir, 'certs')) : null;
  const target = { temporalCli, address, env: certs ? temporalTlsEnv(certs) : {} };
  writeYaml(join(dir, 'config', 'cluster.yaml'), serverConfig({ pg, databases, ports, dir, certs }));
  copyFileSync(join(ROOT, 'deploy', 'temporal', 'dynamicconfig.yaml'), join(dir, 'dynamicconfig.yaml'));

  const startServer = async () => {
    step(`Temporal: starting server ${TEMPORAL_SERVER_VERSION} on ${address} (PostgreSQL ${databases.main})`);
    const args = ['--root', dir, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start'];
    const options = { logFile: join(logDir, 'temporal-server.log') };
    const started = onStart
      ? superviseProcess('temporal-server', bins.server, args, options, onStart)
      : { current: startProcess('temporal-server', bins.server, args, options) };
    await waitFor(
      'the Temporal server',
      async () => {
        if (started.current.exitCode !== null)
          throw new Error(`it exited (see ${join(logDir, 'temporal-server.log')})`);
        return cli(target, ['operator', 'cluster', 'health']).status === 0;
      },
      { timeoutMs: 120000, intervalMs: 500 },
    );
    return started;
  };
  let server = await startServer();
  // A new namespace or search attribute reaches every service's cache within a minute; a restart
  // makes it immediate, so the first lifecycles do not fail on an unknown search attribute.
  if (await ensureNamespace(target, namespace)) {
    step('Temporal: restarting the server so every service sees the new namespace and search attributes');
    await (server.stop ? server.stop() : stopProcess(server.current));
    server = await startServer();
  }
  ok(`Temporal: server ready on ${address}, namespace ${namespace}`);

  let ui = null;
  if (uiPort) {
    mkdirSync(join(dir, 'ui', 'config'), { recursive: true });
    writeYaml(join(dir, 'ui', 'config', 'cluster.yaml'), {
      temporalGrpcAddress: address,
      host: '127.0.0.1',
      port: uiPort,
      enableUi: true,
      // Served by nginx under /temporal/ to logged-in administrators only, and read-only.
      publicPath: '/temporal',
      disableWriteActions: true,
      defaultNamespace: namespace,
      cors: {
        cookieInsecure: true,
        allowOrigins: [`http://localhost:${uiPort}`, `http://127.0.0.1:${uiPort}`],
      },
      ...(certs
        ? {
            tls: {
              caFile: certs.ca,
              certFile: certs.client.cert,
              keyFile: certs.client.key,
              serverName: certs.serverName,
              enableHostVerification: true,
            },
          }
        : {}),
    });
    ui = startProcess(
      'temporal-ui',
      bins.uiServer,
      ['--root', join(dir, 'ui'), '--config', 'config', '--env', 'cluster', 'start'],
      {
        logFile: join(logDir, 'temporal-ui.log'),
      },
    );
    await waitFor('the Temporal UI', async () => {
      if (ui.exitCode !== null) throw new Error(`it exited (see ${join(logDir, 'temporal-ui.log')})`);
      return (await fetch(`http://127.0.0.1:${uiPort}/temporal/`)).ok;
    });
    ok(`Temporal UI ${TEMPORAL_UI_VERSION} on http://localhost:${uiPort}`);
  }
  return {
    address,
    namespace,
    cli: temporalCli,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}/temporal/` : null,
    metricsUrl: `http://127.0.0.1:${ports.metrics}/metrics`,
    server: server.current,
    ui,
    // Empty without TLS; else what every client of this server must present (libs/config reads it).
    clientEnv: target.env,
  };
}
