import type { ProjectionWriter } from './writer';

/**
 * The inbox's yearly-cycle facts (issue 19): whether a task's deadline is provisional (counted into
 * a calendar year nobody entered) and what its form starts from; and deadlines recomputed once the
 * year was entered. Runs after writeTasks, which inserted the opened tasks.
 */
export const writeTaskDeadlines: ProjectionWriter = async (sql, delta) => {
  for (const task of delta.opened) {
    if (!task.provisional && !task.details) continue;
    await sql.query(`UPDATE tasks SET provisional = $2, details = $3 WHERE id = $1`, [
      task.id,
      !!task.provisional,
      task.details ? JSON.stringify(task.details) : null,
    ]);
  }
  for (const r of delta.rescheduled ?? []) {
    await sql.query(
      `UPDATE tasks SET due_at = $2, remind_at = $3, escalate_at = $4, provisional = $5
        WHERE id = $1 AND status = 'open'`,
      [r.id, r.dueAt, r.remindAt, r.escalateAt, r.provisional],
    );
  }
};
