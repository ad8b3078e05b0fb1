import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each problem without one gets its lifecycle's commissioner (exported for the test that checks it). */
export const FILL_COMMISSIONERS = `UPDATE problems p SET commissioner = COALESCE(
    (SELECT e.commissioner FROM enterprises e
     WHERE e.credit_code = p.credit_code AND e.lifecycle_no = p.lifecycle_no),
    (SELECT t.data ->> 'commissioner' FROM tasks t
     WHERE t.credit_code = p.credit_code AND t.lifecycle_no = p.lifecycle_no
       AND t.type = 'ADMIT' AND t.status = 'done'
     ORDER BY t.completed_at DESC LIMIT 1))
  WHERE p.commissioner IS NULL`;

/**
 * A ledger problem keeps the service commissioner of its own lifecycle (as it keeps that
 * lifecycle's district and cluster): the commissioner's access to it follows that lifecycle, not the
 * enterprise's next one. Rows before this take the enterprise's commissioner when the problem is of
 * its current lifecycle, else the commissioner its lifecycle's ADMIT named; none found, none reads it.
 */
export class ProblemCommissioner1765956100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE problems ADD COLUMN IF NOT EXISTS commissioner varchar(64)`);
    await q.query(FILL_COMMISSIONERS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE problems DROP COLUMN IF EXISTS commissioner`);
  }
}
