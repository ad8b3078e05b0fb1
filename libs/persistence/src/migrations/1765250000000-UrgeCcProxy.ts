import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17's 催办, 抄送, 委托代理 and the 转办 reason:
 * - `task_urges`: every urge of a task (who, when, their words); `tasks.urged_at` the last one, for
 *   the inbox's mark. The once-per-4-working-hours rule is the workflow's, not a constraint here.
 * - `task_copies`: to whom a task was copied, by whom; they read it (and its case file) read-only.
 * - `task_proxies`: one proxy per principal, active while starts_at ≤ now < ends_at.
 * - `tasks.on_behalf_of`: the principal a proxy completed the task for; `tasks.delegation_reason`
 *   why it was last handed on.
 */
export class UrgeCcProxy1765250000000 implements MigrationInterface {
  name = 'UrgeCcProxy1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasks ADD COLUMN urged_at timestamptz`);
    await q.query(`ALTER TABLE tasks ADD COLUMN on_behalf_of varchar(64)`);
    await q.query(`ALTER TABLE tasks ADD COLUMN delegation_reason text`);
    await q.query(`
      CREATE TABLE task_urges (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        urged_by varchar(64) NOT NULL,
        urged_at timestamptz NOT NULL,
        message text,
        PRIMARY KEY (task_id, urged_by, urged_at)
      )`);
    await q.query(`
      CREATE TABLE task_copies (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        username varchar(64) NOT NULL,
        copied_by varchar(64) NOT NULL,
        copied_at timestamptz NOT NULL,
        note text,
        PRIMARY KEY (task_id, username)
      )`);
    await q.query(`CREATE INDEX task_copies_by_user ON task_copies (username, copied_at DESC)`);
    await q.query(`
      CREATE TABLE task_proxies (
        principal varchar(64) PRIMARY KEY,
        proxy varchar(64) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CHECK (proxy <> principal)
      )`);
    await q.query(`CREATE INDEX task_proxies_by_proxy ON task_proxies (proxy, ends_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_proxies`);
    await q.query(`DROP TABLE task_copies`);
    await q.query(`DROP TABLE task_urges`);
    await q.query(`ALTER TABLE tasks DROP COLUMN delegation_reason`);
    await q.query(`ALTER TABLE tasks DROP COLUMN on_behalf_of`);
    await q.query(`ALTER TABLE tasks DROP COLUMN urged_at`);
  }
}
