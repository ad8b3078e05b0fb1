import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each lifecycle keeps its own nomination (as supplemented while it ran): the case file of an
 * earlier lifecycle's task showed the enterprise's current one, the next district's nomination, to
 * the district that served the earlier lifecycle. Filled from the enterprise for its current
 * lifecycle (an ended one included: the enterprise's row is that lifecycle's until the next
 * nomination); a lifecycle already followed by another before this keeps none, and its case file
 * names the enterprise by the current nomination, as before.
 */
export class LifecycleNomination1766010000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lifecycles ADD COLUMN IF NOT EXISTS nomination jsonb`);
    await q.query(`UPDATE lifecycles l SET nomination = e.nomination FROM enterprises e
      WHERE e.credit_code = l.credit_code AND e.lifecycle_no = l.lifecycle_no AND l.nomination IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lifecycles DROP COLUMN IF EXISTS nomination`);
  }
}
