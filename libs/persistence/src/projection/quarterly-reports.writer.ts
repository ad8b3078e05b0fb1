import type { ProjectionWriter } from './writer';

/** 季度报告 with their 三年倍增 progress: the reports the transition added, each written once. */
export const writeQuarterlyReports: ProjectionWriter = async (sql, delta) => {
  if (!delta.changes.quarterlyReports.length) return;
  const added = new Set(delta.changes.quarterlyReports);
  for (const r of delta.context.quarterlyReports.filter((x) => added.has(x.quarter))) {
    await sql.query(
      `INSERT INTO quarterly_reports (credit_code, lifecycle_no, quarter, revenue, rd_expense, headcount,
         new_class_one_ip, financing, listing_progress, note, submitted_by, submitted_at,
         annualized_revenue, growth_ratio, expected_ratio, on_track)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) ON CONFLICT DO NOTHING`,
      [
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
    );
  }
};
