import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import type { WriterStatement } from './statements';
import type { ProjectionWriter } from './writer';

/**
 * 季度报告 with their 三年倍增 progress: the reports the transition added. A report sent back by the
 * review (退回) or taken back by the enterprise (撤回) leaves the lifecycle's facts: its row is
 * marked `returned_at` and no longer counts anywhere; the corrected one, sent again, replaces it.
 */
export const writeQuarterlyReports: ProjectionWriter = (delta) => {
  const statements = delta.approvalAction ? [markTakenBack(delta)] : [];
  const added = new Set(delta.changes.quarterlyReports);
  for (const r of delta.context.quarterlyReports.filter((x) => added.has(x.quarter))) {
    statements.push({
      sql: `INSERT INTO quarterly_reports (credit_code, lifecycle_no, quarter, revenue, rd_expense, headcount,
         new_class_one_ip, financing, listing_progress, note, submitted_by, submitted_at,
         annualized_revenue, growth_ratio, expected_ratio, on_track)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)
       ON CONFLICT (credit_code, lifecycle_no, quarter) DO UPDATE SET revenue = EXCLUDED.revenue,
         rd_expense = EXCLUDED.rd_expense, headcount = EXCLUDED.headcount,
         new_class_one_ip = EXCLUDED.new_class_one_ip, financing = EXCLUDED.financing,
         listing_progress = EXCLUDED.listing_progress, note = EXCLUDED.note,
         submitted_by = EXCLUDED.submitted_by, submitted_at = EXCLUDED.submitted_at,
         annualized_revenue = EXCLUDED.annualized_revenue, growth_ratio = EXCLUDED.growth_ratio,
         expected_ratio = EXCLUDED.expected_ratio, on_track = EXCLUDED.on_track, returned_at = NULL
       WHERE quarterly_reports.submitted_at IS DISTINCT FROM EXCLUDED.submitted_at`,
      params: [
        delta.creditCode,
        delta.lifecycleNo,
        r.quarter,
        r.revenue,
        r.rdExpense,
        r.headcount,
        r.newClassOneIp,
        r.financing,
        r.listingProgress,
        r.note ?? null,
        r.submittedBy,
        r.submittedAt,
        r.progress?.annualizedRevenue ?? null,
        r.progress?.growth ?? null,
        r.progress?.expected ?? null,
        r.progress?.onTrack ?? null,
      ],
      rows: [`quarterly_reports:${delta.creditCode}:${delta.lifecycleNo}:${r.quarter}`],
    });
  }
  return statements;
};

/**
 * The rows of the lifecycle whose report its facts no longer hold: a 退回 or 撤回 reopened the
 * quarter's report (machine.ts `reopenQuarterlyReport`, or the withdrawal's restored snapshot).
 */
function markTakenBack(delta: ProjectionDelta): WriterStatement {
  return {
    sql: `UPDATE quarterly_reports SET returned_at = $4
     WHERE credit_code = $1 AND lifecycle_no = $2 AND returned_at IS NULL AND NOT (quarter = ANY($3::text[]))`,
    params: [
      delta.creditCode,
      delta.lifecycleNo,
      delta.context.quarterlyReports.map((r) => r.quarter),
      delta.at,
    ],
    // Quarters the facts no longer hold: never one the reports written with it hold.
    rows: [`quarterly_reports:${delta.creditCode}:${delta.lifecycleNo}:taken-back`],
  };
}
