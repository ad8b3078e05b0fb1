import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each user wants reminders (e-mail, 企业微信 / 钉钉 group robots), and daily digests. */
export class NotificationChannels1764080000000 implements MigrationInterface {
  name = 'NotificationChannels1764080000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_preferences (
        username varchar(64) PRIMARY KEY REFERENCES users (username),
        email varchar(200),
        email_enabled boolean NOT NULL DEFAULT false,
        wecom_webhook varchar(500),
        dingtalk_webhook varchar(500),
        dingtalk_secret varchar(200),
        digest boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A digest belongs to no task: its figures are in data.
    await q.query(`ALTER TABLE notifications
      ALTER COLUMN task_id DROP NOT NULL,
      ALTER COLUMN task_type DROP NOT NULL,
      ALTER COLUMN credit_code DROP NOT NULL,
      ALTER COLUMN enterprise_name DROP NOT NULL,
      ALTER COLUMN due_at DROP NOT NULL,
      ADD COLUMN data jsonb`);
    await q.query(`ALTER TABLE notification_deliveries ADD COLUMN recipient varchar(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_deliveries DROP COLUMN recipient`);

    await q.query(
      `DELETE FROM notification_deliveries WHERE notification_id IN (SELECT id FROM notifications WHERE task_id IS NULL)`,
    );
    await q.query(
      `DELETE FROM notification_reads WHERE notification_id IN (SELECT id FROM notifications WHERE task_id IS NULL)`,
    );
    await q.query(`DELETE FROM notifications WHERE task_id IS NULL`);
    await q.query(`ALTER TABLE notifications DROP COLUMN data, ALTER COLUMN task_id SET NOT NULL,
      ALTER COLUMN task_type SET NOT NULL, ALTER COLUMN credit_code SET NOT NULL,
      ALTER COLUMN enterprise_name SET NOT NULL, ALTER COLUMN due_at SET NOT NULL`);
    await q.query(`DROP TABLE notification_preferences`);
  }
}
