import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New-task notices (issue 18 §1): an outbox of opened tasks the projection fills and the worker's
 * sweeper fans out, and notifications addressed to one person, at most one per task, person and kind.
 */
export class TaskNotices1764700000000 implements MigrationInterface {
  name = 'TaskNotices1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_notice_outbox (
        task_id uuid PRIMARY KEY,
        queued_at timestamptz NOT NULL DEFAULT now(),
        swept_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX task_notice_outbox_due ON task_notice_outbox (queued_at) WHERE swept_at IS NULL`,
    );
    // A person's notice id is `task_opened:<task uuid>:<username>`, longer than the 100 it had.
    await q.query(
      `ALTER TABLE notifications ALTER COLUMN id TYPE varchar(160), ADD COLUMN username varchar(64)`,
    );
    await q.query(`ALTER TABLE notification_reads ALTER COLUMN notification_id TYPE varchar(160)`);
    await q.query(`ALTER TABLE notification_deliveries ALTER COLUMN notification_id TYPE varchar(160)`);
    await q.query(
      `CREATE UNIQUE INDEX notifications_once_per_person ON notifications (task_id, username, kind) WHERE username IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM notification_deliveries WHERE notification_id IN (SELECT id FROM notifications WHERE username IS NOT NULL)`,
    );
    await q.query(
      `DELETE FROM notification_reads WHERE notification_id IN (SELECT id FROM notifications WHERE username IS NOT NULL)`,
    );
    await q.query(`DELETE FROM notifications WHERE username IS NOT NULL`);
    await q.query(`DROP INDEX notifications_once_per_person`);
    await q.query(`ALTER TABLE notification_deliveries ALTER COLUMN notification_id TYPE varchar(100)`);
    await q.query(`ALTER TABLE notification_reads ALTER COLUMN notification_id TYPE varchar(100)`);
    await q.query(`ALTER TABLE notifications DROP COLUMN username, ALTER COLUMN id TYPE varchar(100)`);
    await q.query(`DROP TABLE task_notice_outbox`);
  }
}
