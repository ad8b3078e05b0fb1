import { readdirSync } from 'node:fs';
import { db } from '../support/db';

// The audit log grows with every refusal by design (and its chain head with it); nothing else may.
const MAY_CHANGE = ['audit_events', 'audit_chain_head'];

/** A digest of every other table's rows, by table, and the number of stored files. */
export async function databaseDigest(): Promise<Record<string, string>> {
  const { rows: tables } = await db().query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY($1) ORDER BY 1`,
    [MAY_CHANGE],
  );
  const digest: Record<string, string> = {};
  for (const { tablename } of tables) {
    const { rows } = await db().query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${tablename}" t`,
    );
    digest[tablename] = `${rows[0].n}:${rows[0].h}`;
  }
  digest['(stored files)'] = String(countFiles(process.env.FILE_STORE_DIR!));
  return digest;
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}
