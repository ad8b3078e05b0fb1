import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every lifecycle of an enterprise (re-nominations keep the old ones), and 三年倍增 per quarter. */
export class LifecyclesAndDoubling1764050000000 implements MigrationInterface {
  name = 'LifecyclesAndDoubling1764050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lifecycles (
        credit_code varchar(18) NOT NULL,
        lifecycle_no integer NOT NULL,
        workflow_id varchar(64) NOT NULL,
        name varchar(100) NOT NULL,
        nominated_by varchar(64) NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        final_stage varchar(32),
        reason varchar(2000),
        PRIMARY KEY (credit_code, lifecycle_no)
      )`);
    await q.query(`ALTER TABLE quarterly_reports
      ADD COLUMN annualized_revenue bigint,
      ADD COLUMN growth_ratio numeric(10,4),
      ADD COLUMN expected_ratio numeric(10,4),
      ADD COLUMN on_track boolean`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quarterly_reports DROP COLUMN annualized_revenue, DROP COLUMN growth_ratio,
      DROP COLUMN expected_ratio, DROP COLUMN on_track`);
    await q.query(`DROP TABLE lifecycles`);
  }
}
