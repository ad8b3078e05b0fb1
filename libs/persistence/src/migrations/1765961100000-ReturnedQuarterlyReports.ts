import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A quarterly report sent back by its review (退回) or taken back by the enterprise (撤回) leaves
 * the lifecycle's facts until it is sent again, but its row stayed, and every reader of the latest
 * report (三年倍增 on the enterprise's home and page, the cockpit, the exports) went on counting
 * the figures the review had refused. `returned_at` marks such a row; the projection sets it
 * (libs/persistence/src/projection/quarterly-reports.writer.ts) and the report sent again clears it.
 *
 * The backfill marks the rows whose quarter's latest QUARTERLY_REPORT task is not done: a report
 * task open (or cancelled) for a quarter that has a row was opened again by a 退回 or a 撤回: the
 * tick opens the first one before any row exists, and the row is written when it is done.
 */
export class ReturnedQuarterlyReports1765961100000 implements MigrationInterface {
  name = 'ReturnedQuarterlyReports1765961100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quarterly_reports ADD COLUMN returned_at timestamptz`);
    await q.query(`
      UPDATE quarterly_reports r
         SET returned_at = GREATEST(t.created_at, r.submitted_at)
        FROM (SELECT DISTINCT ON (credit_code, lifecycle_no, quarter)
                     credit_code, lifecycle_no, quarter, status, created_at
                FROM tasks
               WHERE type = 'QUARTERLY_REPORT' AND quarter IS NOT NULL
               ORDER BY credit_code, lifecycle_no, quarter, created_at DESC) t
       WHERE t.credit_code = r.credit_code AND t.lifecycle_no = r.lifecycle_no AND t.quarter = r.quarter
         AND t.status <> 'done'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quarterly_reports DROP COLUMN returned_at`);
  }
}
