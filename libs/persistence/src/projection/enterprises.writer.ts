import type { ProjectionWriter } from './writer';

/**
 * The enterprise row: stage, state and transition number on every transition, the facts
 * (nomination, screening, admission, diagnosis, closing) when they changed. It only moves forward
 * by (lifecycle, transition): a late or repeated projection leaves a newer row as it is.
 */
export const writeEnterprise: ProjectionWriter = async (sql, delta) => {
  if (!delta.changes.enterprise) {
    await sql.query(
      `UPDATE enterprises SET stage = $2, state_value = $3, workflow_id = $4, lifecycle_no = $5,
         projection_seq = $6, updated_at = now()
       WHERE credit_code = $1 AND (lifecycle_no, projection_seq) < ($5, $6)`,
      [
        delta.creditCode,
        delta.stage,
        JSON.stringify(delta.stateValue),
        delta.workflowId,
        delta.lifecycleNo,
        delta.seq,
      ],
    );
    return;
  }
  const ctx = delta.context;
  const n = ctx.nomination;
  const a = ctx.admission;
  await sql.query(
    `INSERT INTO enterprises (credit_code, name, district, cluster, stage, state_value, workflow_id, lifecycle_no,
       projection_seq, policy_version, nomination, screening, nominated_by, lead_cluster, commissioner,
       district_liaison, baseline_revenue, diagnosis, closing, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19, now())
     ON CONFLICT (credit_code) DO UPDATE SET
       name = EXCLUDED.name, district = EXCLUDED.district, cluster = EXCLUDED.cluster, stage = EXCLUDED.stage,
       state_value = EXCLUDED.state_value, workflow_id = EXCLUDED.workflow_id, lifecycle_no = EXCLUDED.lifecycle_no,
       projection_seq = EXCLUDED.projection_seq, policy_version = EXCLUDED.policy_version,
       nomination = EXCLUDED.nomination, screening = EXCLUDED.screening, nominated_by = EXCLUDED.nominated_by,
       lead_cluster = EXCLUDED.lead_cluster, commissioner = EXCLUDED.commissioner,
       district_liaison = EXCLUDED.district_liaison, baseline_revenue = EXCLUDED.baseline_revenue,
       diagnosis = EXCLUDED.diagnosis, closing = EXCLUDED.closing, updated_at = now()
     WHERE (enterprises.lifecycle_no, enterprises.projection_seq) < (EXCLUDED.lifecycle_no, EXCLUDED.projection_seq)`,
    [
      delta.creditCode,
      n.name,
      n.district,
      n.cluster,
      delta.stage,
      JSON.stringify(delta.stateValue),
      delta.workflowId,
      delta.lifecycleNo,
      delta.seq,
      ctx.screening?.policyVersion ?? null,
      JSON.stringify(ctx.nomination),
      JSON.stringify(ctx.screening),
      ctx.nominatedBy,
      a?.leadCluster ?? null,
      a?.commissioner ?? null,
      a?.districtLiaison ?? null,
      a?.baselineRevenue ?? null,
      JSON.stringify(ctx.diagnosis),
      JSON.stringify(ctx.closing),
    ],
  );
};
