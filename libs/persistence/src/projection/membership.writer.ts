import { shanghaiDate } from '@hardtech/domain';
import type { ProjectionWriter } from './writer';

/**
 * Membership periods (二(六): was X in the pool on date D?): opened at admission (the seat the
 * admission reserved is that row already; lifecycles admitted before reservations get it here),
 * closed at graduation or exit.
 */
export const writeMembership: ProjectionWriter = (delta) => {
  const { admission, closing } = delta.context;
  if (!delta.changes.membership || !admission) return [];
  // The closing updates the row the opening may insert: it goes in the round trip after it.
  const rows = [`membership_periods:${delta.creditCode}:${delta.lifecycleNo}`];
  const statements = [
    {
      sql: `INSERT INTO membership_periods (credit_code, lifecycle_no, from_date) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      params: [delta.creditCode, delta.lifecycleNo, shanghaiDate(admission.admittedAt)],
      rows,
    },
  ];
  if (closing && (delta.stage === 'graduated' || delta.stage === 'exited')) {
    statements.push({
      sql: `UPDATE membership_periods SET to_date = $3, end_reason = $4
       WHERE credit_code = $1 AND lifecycle_no = $2 AND to_date IS NULL`,
      params: [delta.creditCode, delta.lifecycleNo, shanghaiDate(closing.at), closing.reason ?? delta.stage],
      rows,
    });
  }
  return statements;
};
