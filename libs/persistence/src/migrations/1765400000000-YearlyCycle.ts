import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The yearly cycle (issue 19.3, 19.5): the calendar years an administrator confirmed as entered
 * (the package's own years need no row), and on each task whether its deadline is provisional
 * and the facts its form starts from (the annual update's year and figures, the evaluation).
 */
export class YearlyCycle1765400000000 implements MigrationInterface {
  name = 'YearlyCycle1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        confirmed_by varchar(64) NOT NULL,
        confirmed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE tasks ADD COLUMN provisional boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE tasks ADD COLUMN details jsonb`);
    await q.query(
      `CREATE INDEX tasks_provisional_open ON tasks (credit_code) WHERE provisional AND status = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tasks_provisional_open`);
    await q.query(`ALTER TABLE tasks DROP COLUMN details`);
    await q.query(`ALTER TABLE tasks DROP COLUMN provisional`);
    await q.query(`DROP TABLE calendar_years`);
  }
}
