import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each lifecycle without one gets the district, clusters and commissioner that served it (exported
 * for the test that checks it): the enterprise's, for its current lifecycle; for an earlier one,
 * what its rows kept — its problems' (written with the lifecycle's scope, problems.writer.ts), else
 * its tasks': the first task opened with the nomination's cluster, the last with the lead cluster
 * once admitted (tasks.writer.ts), its ADMIT named the commissioner. None found, the column stays
 * NULL and nobody reads that lifecycle by it.
 */
export const FILL_LIFECYCLE_SCOPE = `UPDATE lifecycles l SET
    district = COALESCE(cur.district, pr.district, last_task.district),
    nomination_cluster = COALESCE(cur.cluster, pr.nomination_cluster, first_task.cluster),
    cluster = COALESCE(COALESCE(cur.lead_cluster, cur.cluster), pr.cluster, last_task.cluster),
    commissioner = COALESCE(cur.commissioner, pr.commissioner, admit.commissioner)
  FROM lifecycles l2
  LEFT JOIN enterprises cur ON cur.credit_code = l2.credit_code AND cur.lifecycle_no = l2.lifecycle_no
  LEFT JOIN LATERAL (SELECT p.district, p.nomination_cluster, p.cluster, p.commissioner FROM problems p
    WHERE p.credit_code = l2.credit_code AND p.lifecycle_no = l2.lifecycle_no
    ORDER BY p.created_at DESC LIMIT 1) pr ON TRUE
  LEFT JOIN LATERAL (SELECT t.cluster FROM tasks t
    WHERE t.credit_code = l2.credit_code AND t.lifecycle_no = l2.lifecycle_no
    ORDER BY t.created_at, t.id LIMIT 1) first_task ON TRUE
  LEFT JOIN LATERAL (SELECT t.district, t.cluster FROM tasks t
    WHERE t.credit_code = l2.credit_code AND t.lifecycle_no = l2.lifecycle_no
    ORDER BY t.created_at DESC, t.id DESC LIMIT 1) last_task ON TRUE
  LEFT JOIN LATERAL (SELECT t.data ->> 'commissioner' AS commissioner FROM tasks t
    WHERE t.credit_code = l2.credit_code AND t.lifecycle_no = l2.lifecycle_no
      AND t.type = 'ADMIT' AND t.status = 'done'
    ORDER BY t.completed_at DESC LIMIT 1) admit ON TRUE
  WHERE l.credit_code = l2.credit_code AND l.lifecycle_no = l2.lifecycle_no AND l.district IS NULL`;

/**
 * A lifecycle keeps the district, clusters and commissioner that served it, as its problems do: the tasks and the
 * nomination files of an earlier lifecycle are read by them (AccessService.ofLifecycle), not by where
 * the enterprise nominated again is served now. Nullable: rows written without them (seeds) are the
 * current lifecycle's, read by the enterprise's scope.
 */
export class LifecycleScope1766000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lifecycles ADD COLUMN IF NOT EXISTS district varchar(16),
      ADD COLUMN IF NOT EXISTS nomination_cluster varchar(16), ADD COLUMN IF NOT EXISTS cluster varchar(16),
      ADD COLUMN IF NOT EXISTS commissioner varchar(64)`);
    await q.query(FILL_LIFECYCLE_SCOPE);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lifecycles DROP COLUMN IF EXISTS district,
      DROP COLUMN IF EXISTS nomination_cluster, DROP COLUMN IF EXISTS cluster, DROP COLUMN IF EXISTS commissioner`);
  }
}
