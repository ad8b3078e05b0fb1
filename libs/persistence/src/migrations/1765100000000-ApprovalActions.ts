import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 退回, 撤回, 加签 (issue 17) in the inbox: why a step was sent back to this task (`returned`), the
 * countersignatures asked on a task (`countersigns`, with who answered), and on a COUNTERSIGN task
 * the task it answers (`countersign_of`, its id also as `parent_task_id` to find them by).
 */
export class ApprovalActions1765100000000 implements MigrationInterface {
  name = 'ApprovalActions1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks
      ADD COLUMN returned jsonb,
      ADD COLUMN countersigns jsonb,
      ADD COLUMN countersign_of jsonb,
      ADD COLUMN parent_task_id uuid`);
    await q.query(
      `CREATE INDEX tasks_parent_task_id ON tasks (parent_task_id) WHERE parent_task_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_parent_task_id`);
    await q.query(`ALTER TABLE tasks DROP COLUMN returned, DROP COLUMN countersigns, DROP COLUMN countersign_of,
      DROP COLUMN parent_task_id`);
  }
}
