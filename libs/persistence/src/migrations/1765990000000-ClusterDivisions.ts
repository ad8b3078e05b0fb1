import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each problem without one gets its lifecycle's nomination cluster (exported for the test that
 * checks it): the enterprise's, when the problem is of its current lifecycle, else the cluster the
 * lifecycle's ADMIT task was opened with (before admission a task carries the nomination's cluster,
 * tasks.writer.ts); none found, the lead cluster the row keeps.
 */
export const FILL_NOMINATION_CLUSTERS = `UPDATE problems p SET nomination_cluster = COALESCE(
    (SELECT e.cluster FROM enterprises e
     WHERE e.credit_code = p.credit_code AND e.lifecycle_no = p.lifecycle_no),
    (SELECT t.cluster FROM tasks t
     WHERE t.credit_code = p.credit_code AND t.lifecycle_no = p.lifecycle_no AND t.type = 'ADMIT'
     ORDER BY t.created_at DESC LIMIT 1),
    p.cluster)
  WHERE p.nomination_cluster IS NULL`;

/**
 * 各行业处室牵头: the taxonomy names each cluster's industry division (unset: 行业处室（cluster）,
 * libs/domain divisions.ts). A ledger problem keeps its lifecycle's nomination cluster beside its
 * lead cluster, so the industry officers of both read it once the enterprise is nominated again, as
 * they read it while that lifecycle ran (AccessService.problems).
 */
export class ClusterDivisions1765990000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clusters ADD COLUMN IF NOT EXISTS division_name varchar(100)`);
    await q.query(`ALTER TABLE clusters ADD COLUMN IF NOT EXISTS division_en varchar(200)`);
    await q.query(`ALTER TABLE problems ADD COLUMN IF NOT EXISTS nomination_cluster varchar(16)`);
    await q.query(FILL_NOMINATION_CLUSTERS);
    await q.query(`ALTER TABLE problems ALTER COLUMN nomination_cluster SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE problems DROP COLUMN IF EXISTS nomination_cluster`);
    await q.query(`ALTER TABLE clusters DROP COLUMN IF EXISTS division_en`);
    await q.query(`ALTER TABLE clusters DROP COLUMN IF EXISTS division_name`);
  }
}
