import { Client, Pool } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';
import { ENTITIES } from '@hardtech/persistence';

let pool: Pool | null = null;

/** Direct SQL on the test database, for assertions on the read model. */
export function db(): Pool {
  if (!pool) {
    pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    // An idle connection dies when the server restarts (test/faults does that); the pool drops it
    // and connects anew, so it is no reason to crash the test.
    pool.on('error', () => {});
  }
  return pool;
}

/** Where a test's SQL goes: the pool, or one transaction's connection. */
export type Sql = Pick<Pool, 'query'>;

/** Runs `work` in one transaction on the test database: a state the read model never shows half-written. */
export async function inTransaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await db().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/**
 * ANALYZE as the tables' owner (MIGRATION_DATABASE_URL): PostgreSQL answers the application role's
 * ANALYZE with a warning, not an error, and leaves the statistics as they were.
 */
export async function analyze(tables: string[]): Promise<void> {
  const owner = new Client({
    connectionString: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL,
  });
  await owner.connect();
  try {
    for (const table of tables) await owner.query(`ANALYZE ${table}`);
  } finally {
    await owner.end();
  }
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = null;
}

/**
 * Removes enterprises seeded straight into the read model (no workflow behind them), children
 * first, so that nothing walking the read model after the test (the quarterly dispatch) meets them.
 */
export async function deleteSeededEnterprises(codes: string[]): Promise<void> {
  for (const table of [
    'tasks',
    'problems',
    'quarterly_reports',
    'membership_periods',
    'lifecycles',
    'stage_history',
    'enterprises',
  ]) {
    await db().query(`DELETE FROM ${table} WHERE credit_code = ANY($1)`, [codes]);
  }
}

/**
 * A TypeORM DataSource on the test database with the application's entities, for tests that call a
 * repository of @hardtech/persistence directly (the caller destroys it).
 */
export async function openDataSource(): Promise<DataSource> {
  const ds = new DataSource({
    type: 'postgres',
    url: process.env.DATABASE_URL,
    entities: ENTITIES,
    extra: { max: 1 },
  });
  return ds.initialize();
}

/**
 * A TypeORM DataSource as the tables' owner (MIGRATION_DATABASE_URL), as the migration connects,
 * for tests of what it installs (the caller destroys it).
 */
export async function openOwnerDataSource(): Promise<DataSource> {
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  return new DataSource({ type: 'postgres', url, extra: { max: 1 } }).initialize();
}

/** A migration's up() as a deploy runs it: by the tables' owner. */
export async function runMigrationUp(migration: MigrationInterface): Promise<void> {
  const owner = await openOwnerDataSource();
  const runner = owner.createQueryRunner();
  try {
    await migration.up(runner);
  } finally {
    await runner.release();
    await owner.destroy();
  }
}
