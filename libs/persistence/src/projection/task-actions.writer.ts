import type { WriterStatement } from './statements';
import type { ProjectionWriter } from './writer';

/**
 * Issue 17's marks on tasks, after writeTasks: urges (催办), copies (抄送) and a delegation's reason
 * (转办); the principal of a proxy's completion (委托代理) writeTasks writes as it closes the task.
 * Idempotent like every writer. A mark on a task writeTasks writes in the same transition goes in
 * the round trip after that write (statements.ts), so it marks the row as written.
 */
export const writeTaskActions: ProjectionWriter = (delta) => {
  const statements: WriterStatement[] = [];
  for (const u of delta.urged ?? []) {
    statements.push(
      {
        sql: `INSERT INTO task_urges (task_id, urged_by, urged_at, message) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING`,
        params: [u.id, u.by, u.at, u.message],
        rows: [`task_urges:${u.id}:${u.by}:${u.at}`],
      },
      {
        sql: `UPDATE tasks SET urged_at = $2 WHERE id = $1 AND (urged_at IS NULL OR urged_at < $2)`,
        params: [u.id, u.at],
        rows: [`tasks:${u.id}`],
      },
    );
  }
  // 委托代理: a proxy's copy names the principal too (the delta's onBehalfOf, as the audit log's).
  for (const c of delta.copied ?? []) {
    for (const username of c.users) {
      statements.push({
        sql: `INSERT INTO task_copies (task_id, username, copied_by, copied_on_behalf_of, copied_at, note)
         VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
        params: [c.id, username, c.by, delta.onBehalfOf ?? null, c.at, c.note],
        rows: [`task_copies:${c.id}:${username}`],
      });
    }
  }
  for (const a of delta.assigned) {
    if (a.reason === undefined) continue;
    statements.push({
      sql: `UPDATE tasks SET delegation_reason = $2 WHERE id = $1 AND status = 'open'`,
      params: [a.id, a.reason],
      rows: [`tasks:${a.id}`],
    });
  }
  return statements;
};
