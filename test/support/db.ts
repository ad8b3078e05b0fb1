import { Pool } from 'pg';

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

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = null;
}
