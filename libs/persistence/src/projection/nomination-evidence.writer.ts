import type { ProjectionWriter } from './writer';

/**
 * The nominator's pending certificates (C3, C5) become the evidence of the lifecycle, in the
 * transaction that records the lifecycle: no crash between starting the workflow and binding them.
 * Runs before the lifecycles writer: it binds only while the lifecycle has no row, so a retried
 * projection binds nothing uploaded since. In the lifecycle's round trip it sees the row as it was
 * before (statements.ts), as it does in one of its own before.
 */
export const bindNominationEvidence: ProjectionWriter = (delta) => {
  if (!delta.changes.lifecycle) return [];
  return [
    {
      sql: `UPDATE attachments SET subject_id = $3
     WHERE credit_code = $1 AND subject = 'nomination' AND subject_id IS NULL AND uploaded_by = $2
       AND NOT EXISTS (SELECT 1 FROM lifecycles WHERE credit_code = $1 AND lifecycle_no = $4)`,
      params: [delta.creditCode, delta.context.nominatedBy, String(delta.lifecycleNo), delta.lifecycleNo],
      rows: [`attachments:nomination:${delta.creditCode}`],
    },
  ];
};
