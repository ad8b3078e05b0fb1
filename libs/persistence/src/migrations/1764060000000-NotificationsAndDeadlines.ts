import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deadlines and follow-ups of tasks, notifications with their deliveries, whistles on the ledger. */
export class NotificationsAndDeadlines1764060000000 implements MigrationInterface {
  name = 'NotificationsAndDeadlines1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks
      ADD COLUMN remind_at timestamptz,
      ADD COLUMN escalate_at timestamptz,
      ADD COLUMN reminded_at timestamptz,
      ADD COLUMN escalated_at timestamptz,
      ADD COLUMN department varchar(16)`);
    await q.query(
      `CREATE INDEX tasks_open_department ON tasks (department, district, due_at) WHERE status = 'open'`,
    );

    await q.query(`
      CREATE TABLE notifications (
        id varchar(100) PRIMARY KEY,
        kind varchar(16) NOT NULL,
        task_id uuid NOT NULL,
        task_type varchar(32) NOT NULL,
        credit_code varchar(18) NOT NULL,
        enterprise_name varchar(100) NOT NULL,
        due_at timestamptz NOT NULL,
        audience_groups text[] NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX notifications_audience ON notifications USING gin (audience_groups)`);
    await q.query(`CREATE INDEX notifications_created ON notifications (created_at)`);
    await q.query(`
      CREATE TABLE notification_reads (
        notification_id varchar(100) NOT NULL REFERENCES notifications (id),
        username varchar(64) NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, username)
      )`);
    // Outbox: each notification is delivered to each channel once, retried until it is.
    await q.query(`
      CREATE TABLE notification_deliveries (
        id bigserial PRIMARY KEY,
        notification_id varchar(100) NOT NULL REFERENCES notifications (id),
        channel varchar(16) NOT NULL,
        target text NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        UNIQUE (notification_id, channel, target)
      )`);
    await q.query(
      `CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );

    await q.query(
      `ALTER TABLE problems ADD COLUMN whistle_status varchar(16), ADD COLUMN whistled_at timestamptz`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE problems DROP COLUMN whistle_status, DROP COLUMN whistled_at`);
    await q.query(`DROP TABLE notification_deliveries`);
    await q.query(`DROP TABLE notification_reads`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP INDEX tasks_open_department`);
    await q.query(`ALTER TABLE tasks DROP COLUMN remind_at, DROP COLUMN escalate_at, DROP COLUMN reminded_at,
      DROP COLUMN escalated_at, DROP COLUMN department`);
  }
}
