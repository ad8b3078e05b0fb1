import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 审批单编号: each task keeps a serial (tasks.sheet_no) its approval sheet prints as
 * 渝硬科审〔2026〕128号 (libs/domain approvalSheetNo), in place of the task's uuid an official could
 * neither read out nor write down. A sequence numbers a task when the projection inserts it (the
 * column's default; a projection retried on the same id inserts nothing and keeps the number), so
 * a sheet prints the same number every time and no two tasks share one.
 *
 * The tasks before it are numbered in the order they opened (created_at, then id), and the sequence
 * goes on after the last. down() drops the column and its sequence.
 */
export class TaskSheetNo1766138000000 implements MigrationInterface {
  name = 'TaskSheetNo1766138000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN IF NOT EXISTS sheet_no bigint`);
    await q.query(`CREATE SEQUENCE IF NOT EXISTS tasks_sheet_no_seq OWNED BY tasks.sheet_no`);
    await q.query(`
      UPDATE tasks t SET sheet_no = o.no
        FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS no FROM tasks) o
       WHERE t.id = o.id AND t.sheet_no IS NULL`);
    await q.query(`
      SELECT setval('tasks_sheet_no_seq', COALESCE(max(sheet_no), 1), max(sheet_no) IS NOT NULL) FROM tasks`);
    await q.query(`
      ALTER TABLE tasks ALTER COLUMN sheet_no SET DEFAULT nextval('tasks_sheet_no_seq'),
                        ALTER COLUMN sheet_no SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS tasks_sheet_no ON tasks (sheet_no)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS sheet_no`);
    await q.query(`DROP SEQUENCE IF EXISTS tasks_sheet_no_seq`);
  }
}
