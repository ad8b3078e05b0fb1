import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 委托代理: a proxy's 抄送 records the principal it copied for beside `copied_by` (the proxy), so the
 * task page and the copied person's inbox name it 王五（代 张三）, as the notice and the history do.
 * Copies made before keep null: they name who copied, as before.
 */
export class TaskCopyOnBehalfOf1766031742000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task_copies ADD COLUMN IF NOT EXISTS copied_on_behalf_of varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task_copies DROP COLUMN IF EXISTS copied_on_behalf_of`);
  }
}
