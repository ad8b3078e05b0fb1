import type { ProjectionWriter } from './writer';

/**
 * The inbox's yearly-cycle facts (issue 19): deadlines recomputed once the year was entered. Whether
 * an opened task's deadline is provisional and what its form starts from, writeTasks inserts with it.
 */
export const writeTaskDeadlines: ProjectionWriter = (delta) =>
  (delta.rescheduled ?? []).map((r) => ({
    sql: `UPDATE tasks SET due_at = $2, remind_at = $3, escalate_at = $4, provisional = $5
        WHERE id = $1 AND status = 'open'`,
    params: [r.id, r.dueAt, r.remindAt, r.escalateAt, r.provisional],
    rows: [`tasks:${r.id}`],
  }));
