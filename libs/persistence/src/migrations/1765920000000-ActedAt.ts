import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21 (e): the read-model repair's sweep notes only enterprises a person moved since the last
 * sweep (docs/design.md, "The read model under faults"). Only a person's Update can be lost with
 * its workflow task: a quarter tick (a signal) or a timer is in the history before the task that
 * projects it, and a lost task is run again and projects the same transition. Sweeping every
 * enterprise projected since the last sweep asked the workflow of every member a quarterly
 * dispatch had just ticked: 4,420 state queries in a 5,000-member fan-out.
 */
export class ActedAt1765920000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE enterprises ADD COLUMN IF NOT EXISTS acted_at timestamptz`);
    // Until now the sweep took every projection: what was projected before counts as a person's.
    await q.query(`UPDATE enterprises SET acted_at = updated_at WHERE acted_at IS NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS enterprises_acted_at ON enterprises (acted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS enterprises_acted_at`);
    await q.query(`ALTER TABLE enterprises DROP COLUMN IF EXISTS acted_at`);
  }
}
