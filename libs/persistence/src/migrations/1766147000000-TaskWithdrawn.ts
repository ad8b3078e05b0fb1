import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 撤回: a task a withdrawal opened again remembers the outcome it had been completed with
 * (tasks.withdrawn = {"outcome": …}), beside the data it keeps as its draft, so the officer's form
 * starts from the whole withdrawn result rather than an outcome to pick again. Tasks reopened before
 * it have none (their form starts from the draft alone). down() drops the column.
 */
export class TaskWithdrawn1766147000000 implements MigrationInterface {
  name = 'TaskWithdrawn1766147000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN IF NOT EXISTS withdrawn jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks DROP COLUMN IF EXISTS withdrawn`);
  }
}
