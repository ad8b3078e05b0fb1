import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger work (issue 19): a problem's progress, its pending close request and request for more
 * time, as the lifecycle holds them (the projection writes them; the workflow is the truth).
 */
export class LedgerWork1765300000000 implements MigrationInterface {
  name = 'LedgerWork1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE problems
        ADD COLUMN progress jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN close_request jsonb,
        ADD COLUMN extension jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE problems DROP COLUMN progress, DROP COLUMN close_request, DROP COLUMN extension`,
    );
  }
}
