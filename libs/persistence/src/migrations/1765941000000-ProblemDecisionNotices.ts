import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decision notices: an outbox of the coordinators' decisions on ledger requests (PROBLEM_CLOSE,
 * PROBLEM_EXTENSION done) that the projection fills and the worker's sweeper fans out to the
 * problem's workers and, when it is told, the enterprise. One row per decided task: the problem
 * as the decision left it (its title, its due date) and its workers then.
 */
export class ProblemDecisionNotices1765941000000 implements MigrationInterface {
  name = 'ProblemDecisionNotices1765941000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem_decision_outbox (
        task_id uuid PRIMARY KEY,
        problem_id uuid NOT NULL,
        title text NOT NULL,
        due_at varchar(10) NOT NULL,
        worker_groups text[] NOT NULL,
        queued_at timestamptz NOT NULL DEFAULT now(),
        swept_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX problem_decision_outbox_due ON problem_decision_outbox (queued_at) WHERE swept_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM notification_deliveries WHERE notification_id IN (SELECT id FROM notifications WHERE kind = 'problem_decided')`,
    );
    await q.query(
      `DELETE FROM notification_reads WHERE notification_id IN (SELECT id FROM notifications WHERE kind = 'problem_decided')`,
    );
    await q.query(`DELETE FROM notifications WHERE kind = 'problem_decided'`);
    await q.query(`DROP TABLE problem_decision_outbox`);
  }
}
