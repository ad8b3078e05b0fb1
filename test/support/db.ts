import { Pool } from 'pg';

let pool: Pool | null = null;

/** Direct SQL on the test database, for assertions on the read model. */
export function db(): Pool {
  pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
}

export async function closeDb(): Promise<void> {
  await pool?.end();
  pool = null;
}
