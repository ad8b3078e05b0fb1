import { isSystemActor } from '@hardtech/domain';
import type { ProjectionDelta } from '@hardtech/temporal/lifecycle.contract';
import type { ProjectionWriter } from './writer';

/**
 * A transition a person asked for (an Update from the API) can be lost with its workflow task and
 * leave the inbox ahead of the workflow; the system's own (a quarter tick, a timer) cannot: their
 * cause is in the history before the task that projects them. The read-model repair's sweep looks
 * only at the first kind (`acted_at`).
 */
const byPerson = (delta: ProjectionDelta) => !!delta.actor && !isSystemActor(delta.actor);

/**
 * Whether the row's transition was projected by the system: a person's projection sets `acted_at`
 * and `updated_at` to the same now(), the system's leaves `acted_at` behind.
 */
const SYSTEM_WROTE_THE_ROW =
  '(enterprises.acted_at IS NULL OR enterprises.acted_at < enterprises.updated_at)';

/**
 * The enterprise row: stage, state and transition number on every transition, the facts
 * (nomination, screening, admission, diagnosis, closing) when they changed. It only moves forward
 * by (lifecycle, transition): a late or repeated projection leaves a newer row as it is.
 *
 * A person's transition also takes a row at its own number. That number can already be there from
 * a transition whose workflow task was lost (a quarter tick projected, then the worker died) and
 * that the person's Update took in its place: skipping it would leave `acted_at` unset and the
 * sweep blind to the one transition it must check (docs/design.md, "The read model under faults").
 * A repeated projection of the same Update writes nothing (SYSTEM_WROTE_THE_ROW).
 */
export const writeEnterprise: ProjectionWriter = (delta) => {
  const rows = [`enterprises:${delta.creditCode}`];
  if (!delta.changes.enterprise) {
    const sql = `UPDATE enterprises SET stage = $2, state_value = $3, workflow_id = $4, lifecycle_no = $5,
         projection_seq = $6, updated_at = now(), acted_at = CASE WHEN $7 THEN now() ELSE acted_at END
       WHERE credit_code = $1
         AND ((lifecycle_no, projection_seq) < ($5, $6)
              OR ($7 AND (lifecycle_no, projection_seq) = ($5, $6) AND ${SYSTEM_WROTE_THE_ROW}))`;
    const params = [
      delta.creditCode,
      delta.stage,
      JSON.stringify(delta.stateValue),
      delta.workflowId,
      delta.lifecycleNo,
      delta.seq,
      byPerson(delta),
    ];
    return [{ sql, params, rows }];
  }
  const ctx = delta.context;
  const n = ctx.nomination;
  const a = ctx.admission;
  const sql = `INSERT INTO enterprises (credit_code, name, district, cluster, stage, state_value, workflow_id, lifecycle_no,
       projection_seq, policy_version, nomination, screening, nominated_by, lead_cluster, commissioner,
       district_liaison, baseline_revenue, diagnosis, closing, updated_at, acted_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19, now(),
       CASE WHEN $20 THEN now() END)
     ON CONFLICT (credit_code) DO UPDATE SET
       name = EXCLUDED.name, district = EXCLUDED.district, cluster = EXCLUDED.cluster, stage = EXCLUDED.stage,
       state_value = EXCLUDED.state_value, workflow_id = EXCLUDED.workflow_id, lifecycle_no = EXCLUDED.lifecycle_no,
       projection_seq = EXCLUDED.projection_seq, policy_version = EXCLUDED.policy_version,
       nomination = EXCLUDED.nomination, screening = EXCLUDED.screening, nominated_by = EXCLUDED.nominated_by,
       lead_cluster = EXCLUDED.lead_cluster, commissioner = EXCLUDED.commissioner,
       district_liaison = EXCLUDED.district_liaison, baseline_revenue = EXCLUDED.baseline_revenue,
       diagnosis = EXCLUDED.diagnosis, closing = EXCLUDED.closing, updated_at = now(),
       acted_at = COALESCE(EXCLUDED.acted_at, enterprises.acted_at)
     WHERE (enterprises.lifecycle_no, enterprises.projection_seq) < (EXCLUDED.lifecycle_no, EXCLUDED.projection_seq)
        OR (EXCLUDED.acted_at IS NOT NULL
            AND (enterprises.lifecycle_no, enterprises.projection_seq) = (EXCLUDED.lifecycle_no, EXCLUDED.projection_seq)
            AND ${SYSTEM_WROTE_THE_ROW})`;
  const params = [
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
    byPerson(delta),
  ];
  return [{ sql, params, rows }];
};
