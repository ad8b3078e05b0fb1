import { MigrationInterface, QueryRunner } from 'typeorm';
import { taskDepartment, type TaskType } from '@hardtech/domain';

/**
 * Every task records the department it waits on. Rows opened before 1764060000000 added the column
 * had none: the overdue summary counted them as 科技处 and the dashboard as 未知. This fills them by
 * the projection's own rule (taskDepartment, read off the candidate groups, computed here rather than
 * spelled again in SQL), and a blank district from the enterprise's, then makes the column NOT NULL so
 * that no writer can leave it out again. down() only lifts the constraint: the departments stay true.
 */
export class TaskDepartmentRecorded1765980000000 implements MigrationInterface {
  name = 'TaskDepartmentRecorded1765980000000';

  async up(q: QueryRunner): Promise<void> {
    const unrecorded: { type: TaskType; candidate_groups: string[] }[] = await q.query(
      `SELECT DISTINCT type, candidate_groups FROM tasks WHERE department IS NULL`,
    );
    for (const { type, candidate_groups } of unrecorded) {
      await q.query(
        `UPDATE tasks SET department = $1
         WHERE department IS NULL AND type = $2 AND candidate_groups = $3::text[]`,
        [taskDepartment(type, candidate_groups), type, candidate_groups],
      );
    }
    await q.query(
      `UPDATE tasks t SET district = e.district FROM enterprises e
       WHERE e.credit_code = t.credit_code AND btrim(t.district) = '' AND btrim(e.district) <> ''`,
    );
    await q.query(`ALTER TABLE tasks ALTER COLUMN department SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ALTER COLUMN department DROP NOT NULL`);
  }
}
