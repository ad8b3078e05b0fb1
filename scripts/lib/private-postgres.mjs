// A PostgreSQL server of our own (initdb + pg_ctl of the Debian packages), for what may restart
// it: the fault injection must never restart the shared server on 5432 that other stacks use.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, step } from './log.mjs';
import { applicationUrl, ensureDatabase, tryConnect } from './postgres.mjs';

const DEBIAN = '/usr/lib/postgresql';

/** The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl, or null. */
export function postgresBinaries() {
  if (!existsSync(DEBIAN)) return null;
  const versions = readdirSync(DEBIAN)
    .filter((v) => existsSync(join(DEBIAN, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(DEBIAN, versions[0], 'bin') : null;
}

/**
 * The command line of a PostgreSQL tool: PostgreSQL refuses to run as root, so as root it runs as
 * the `postgres` user of the package (which then owns the data directory).
 */
export function postgresCommand(bin, tool, args) {
  const path = join(bin, tool);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function runTool(bin, tool, args) {
  const [cmd, argv] = postgresCommand(bin, tool, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr || r.stdout}`);
}

/**
 * Initialises (first time) and starts a server in `dir`/data on `port`, listening on 127.0.0.1 only
 * with trust authentication for local connections. Its settings live in postgresql.conf, so
 * `pg_ctl start -D <data>` alone starts it again the same way. Returns { url, appUrl, bin, dataDir, logFile, stop }.
 */
export async function startPrivatePostgres({ dir, port, database }) {
  const bin = postgresBinaries();
  if (!bin) throw new Error(`no PostgreSQL binaries under ${DEBIAN} (apt-get install postgresql)`);
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  const logFile = join(dir, 'postgres.log');
  mkdirSync(socketDir, { recursive: true });
  if (process.getuid?.() === 0) {
    const { uid, gid } = userIds('postgres');
    for (const d of [dir, socketDir]) chownSync(d, uid, gid);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    step(`PostgreSQL: initialising a private cluster in ${dataDir}`);
    runTool(bin, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${socketDir}'`,
      'max_connections = 100',
      'fsync = on',
    ];
    const confFile = join(dataDir, 'postgresql.auto.conf');
    writeFileSync(confFile, `${conf.join('\n')}\n`);
    if (process.getuid?.() === 0) chownSync(confFile, userIds('postgres').uid, userIds('postgres').gid);
  }
  runTool(bin, 'pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60']);
  const url = `postgres://postgres@127.0.0.1:${port}/${database}`;
  const admin = await tryConnect(`postgres://postgres@127.0.0.1:${port}/postgres`);
  if (!admin) throw new Error(`the private PostgreSQL on port ${port} does not answer (see ${logFile})`);
  try {
    await ensureDatabase(admin, database, { recreate: true });
  } finally {
    await admin.end();
  }
  ok(`PostgreSQL: private server on port ${port} (${bin}), database ${database}`);
  const stop = () => runTool(bin, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w']);
  return { url, appUrl: applicationUrl(url, database), bin, dataDir, logFile, stop };
}

function userIds(name) {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}
