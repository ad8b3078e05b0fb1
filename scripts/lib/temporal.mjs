import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { DATA, ROOT, TOOLS_BIN } from './paths.mjs';
import { goBinary, goBuildLog, goInstall } from './go-tools.mjs';
import { buildOnce } from './build-lock.mjs';
import { ok, step, warn } from './log.mjs';
import { startProcess, superviseProcess, waitFor } from './processes.mjs';

/** The custom search attributes of libs/temporal/src/search-attributes.ts (test/ops checks they agree). */
export const SEARCH_ATTRIBUTES = JSON.parse(
  readFileSync(join(ROOT, 'deploy', 'cluster.json'), 'utf8'),
).searchAttributes;
const CLI_TAGS = ['v1.5.1', 'v1.4.1', 'v1.3.0'];

/**
 * SQLite pragmas of the dev server's database file (issue 21.4, README "Performance"), for npm start,
 * npm test and the bench alike. Write-ahead log instead of the default rollback journal: half the
 * server's CPU per write on this machine (2.6 vs 4.9 ms), as durable (synchronous=full syncs the
 * log at every commit). TEMPORAL_SQLITE_PRAGMAS (comma-separated PRAGMA=VALUE, or `none` for the
 * server's defaults) replaces them to measure another setting; never synchronous=off.
 */
const DEV_SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=full'];

function sqlitePragmas() {
  const fromEnv = process.env.TEMPORAL_SQLITE_PRAGMAS;
  if (fromEnv === undefined) return DEV_SQLITE_PRAGMAS;
  return fromEnv === 'none'
    ? []
    : fromEnv
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
}

function works(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/**
 * The Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH, else .tools/bin/temporal, else built there from the Go
 * module proxy (v1.5.1; its go.mod has no replace directive). null when none can be had.
 */
export async function findTemporalCli() {
  if (process.env.TEMPORAL_CLI && works(process.env.TEMPORAL_CLI)) return process.env.TEMPORAL_CLI;
  if (works('temporal')) return 'temporal';
  const local = join(TOOLS_BIN, 'temporal');
  if (existsSync(local) && works(local)) return local;
  if (!goBinary()) return null;
  return buildOnce({
    dir: TOOLS_BIN,
    name: 'temporal',
    what: 'the Temporal CLI',
    logFile: goBuildLog('temporal'),
    built: () => (existsSync(local) && works(local) ? local : null),
    build: async () => {
      for (const tag of CLI_TAGS) {
        try {
          await goInstall({
            name: 'temporal',
            pkg: 'github.com/temporalio/cli/cmd/temporal',
            version: tag,
            what: 'the Temporal CLI',
            // Measured on a 2-core machine with an empty Go cache (issue 22: 651 s for the first start).
            expected: '8–11 minutes on 2 cores, about 4 on 8',
            gobin: TOOLS_BIN,
          });
          if (works(local)) return local;
        } catch (e) {
          warn(`building the Temporal CLI ${tag} failed: ${e.message}`);
        }
      }
      return null;
    },
  });
}

export function portOpen(host, port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * A Temporal server for the stack: `addressFromEnv` when given; else a dev server already
 * listening on the port (reused unless `fresh`); else a new dev server with a file database.
 * With `onStart(child)` the new server is supervised: started again on the same file whenever it
 * stops (the fault injection stops it), calling onStart at every start.
 * `metricsPort`: the new server's Prometheus /metrics there (`metricsUrl`).
 * Returns { address, uiUrl, process?, teardown?, metricsUrl? }.
 */
export async function provisionTemporal({
  addressFromEnv,
  port,
  uiPort,
  dbFile,
  logFile,
  fresh = false,
  onStart,
  metricsPort,
}) {
  if (addressFromEnv) {
    ok(`Temporal: using ${addressFromEnv}`);
    return { address: addressFromEnv, uiUrl: null };
  }
  const address = `127.0.0.1:${port}`;
  if (!fresh && (await portOpen('127.0.0.1', port))) {
    ok(`Temporal: reusing the server on ${address}`);
    return { address, uiUrl: uiPort ? `http://localhost:${uiPort}` : null };
  }
  mkdirSync(join(DATA), { recursive: true });
  const cli = await findTemporalCli();
  if (!cli) return provisionWithSdkDownload({ port, uiPort, dbFile });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--log-level',
    'warn',
  ];
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  // The server's own Prometheus metrics (the bench reads its gRPC calls by method from them).
  if (metricsPort) args.push('--metrics-port', String(metricsPort));
  for (const pragma of sqlitePragmas()) args.push('--sqlite-pragma', pragma);
  for (const name of SEARCH_ATTRIBUTES) args.push('--search-attribute', `${name}=Keyword`);
  step(`Temporal: starting the dev server on ${address} (database ${dbFile})`);
  const server = onStart
    ? superviseProcess('temporal', cli, args, { logFile }, onStart)
    : { current: startProcess('temporal', cli, args, { logFile }) };
  await waitFor(
    'the Temporal dev server',
    async () => {
      if (server.current.exitCode !== null) throw new Error(`it exited (see ${logFile})`);
      return (
        spawnSync(cli, ['operator', 'cluster', 'health', '--address', address], { encoding: 'utf8' })
          .status === 0
      );
    },
    { timeoutMs: 90000, intervalMs: 500 },
  );
  ok(`Temporal: dev server ready on ${address}`);
  return {
    address,
    uiUrl: uiPort ? `http://localhost:${uiPort}` : null,
    process: server.current,
    cli,
    metricsUrl: metricsPort ? `http://127.0.0.1:${metricsPort}/metrics` : null,
  };
}

/** Machines with internet and no Go: the SDK downloads a dev server (it cannot work offline). */
async function provisionWithSdkDownload({ port, uiPort, dbFile }) {
  warn('no Temporal CLI and no Go toolchain: trying the Temporal SDK’s dev-server download');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      port,
      dbFilename: dbFile,
      ui: !!uiPort,
      uiPort,
      extraArgs: SEARCH_ATTRIBUTES.flatMap((n) => ['--search-attribute', `${n}=Keyword`]),
    },
  });
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://localhost:${uiPort}` : null,
    teardown: () => env.teardown(),
  };
}
