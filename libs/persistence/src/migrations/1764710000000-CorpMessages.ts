import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 企业微信 application messages and 钉钉 work notices (issue 18 §2): each user's id in the two
 * directories (set by an administrator or by the user), and whether they want messages there.
 */
export class CorpMessages1764710000000 implements MigrationInterface {
  name = 'CorpMessages1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN wecom_user_id varchar(64), ADD COLUMN dingtalk_user_id varchar(64)`,
    );
    await q.query(`ALTER TABLE notification_preferences
      ADD COLUMN wecom_app boolean NOT NULL DEFAULT true,
      ADD COLUMN dingtalk_app boolean NOT NULL DEFAULT true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_preferences DROP COLUMN wecom_app, DROP COLUMN dingtalk_app`);
    await q.query(`ALTER TABLE users DROP COLUMN wecom_user_id, DROP COLUMN dingtalk_user_id`);
  }
}
