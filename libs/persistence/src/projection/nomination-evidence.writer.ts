import type { ProjectionWriter } from './writer';

/**
 * The nominator's pending certificates (C3, C5) become the evidence of the lifecycle, in the
 * transaction that records the lifecycle: no crash between starting the workflow and binding them.
 * Runs before the lifecycles writer: it binds only while the lifecycle has no row, so a retried
 * projection binds nothing uploaded since.
 */
export const bindNominationEvidence: ProjectionWriter = async (sql, delta) => {
  if (!delta.changes.lifecycle) return;
  await sql.query(
    `UPDATE attachments SET subject_id = $3
     WHERE credit_code = $1 AND subject = 'nomination' AND subject_id IS NULL AND uploaded_by = $2
       AND NOT EXISTS (SELECT 1 FROM lifecycles WHERE credit_code = $1 AND lifecycle_no = $4)`,
    [delta.creditCode, delta.context.nominatedBy, String(delta.lifecycleNo), delta.lifecycleNo],
  );
};
