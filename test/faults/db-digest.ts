import { readdirSync } from 'node:fs';
import { db } from '../support/db';

// The audit log grows with every refusal by design (and its chain head with it); nothing else may.
const MAY_CHANGE = ['audit_events', 'audit_chain_head'];
// A session's last activity moves with every authenticated request, refused ones included.
const ACTIVITY_COLUMNS = ['last_seen_at'];

/** A digest of every other table's rows, by table, and the number of stored files. */
export async function databaseDigest(): Promise<Record<string, string>> {
  const { rows: tables } = await db().query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY($1) ORDER BY 1`,
    [MAY_CHANGE],
  );
  const digest: Record<string, string> = {};
  for (const { tablename } of tables) {
    const { rows } = await db().query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg((to_jsonb(t) - $1::text[])::text, '|'
         ORDER BY (to_jsonb(t) - $1::text[])::text), '')) AS h FROM "${tablename}" t`,
      [ACTIVITY_COLUMNS],
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

/**
 * Waits until the worker has swept every queued new-task notice: it turns them into notifications
 * by itself, a second or so after the tasks open, which a digest taken meanwhile would count as a
 * change made by whatever ran next.
 */
export async function noticesSwept(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM task_notice_outbox WHERE swept_at IS NULL`,
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].n} new-task notices still unswept`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
