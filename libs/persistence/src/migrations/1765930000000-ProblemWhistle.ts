import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger keeps what the latest whistle on a problem said (its title and description, the
 * enterprise's own words): the department's 部门报到 task answered it without seeing it. Rows of
 * whistles blown before this are filled at the problem's next change.
 */
export class ProblemWhistle1765930000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE problems ADD COLUMN IF NOT EXISTS whistle jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE problems DROP COLUMN IF EXISTS whistle`);
  }
}
