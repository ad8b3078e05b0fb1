import { FINAL_STAGES } from '@hardtech/domain';
import type { ProjectionWriter } from './writer';

/** The lifecycle's row: opened by its first transition, renamed by a supplement, ended once. */
export const writeLifecycle: ProjectionWriter = async (sql, delta) => {
  if (!delta.changes.lifecycle) return;
  const ctx = delta.context;
  const final = FINAL_STAGES.includes(delta.stage);
  await sql.query(
    `INSERT INTO lifecycles (credit_code, lifecycle_no, workflow_id, name, nominated_by, started_at, ended_at, final_stage, reason, outcome)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
     ON CONFLICT (credit_code, lifecycle_no) DO UPDATE SET name = EXCLUDED.name,
       ended_at = COALESCE(lifecycles.ended_at, EXCLUDED.ended_at),
       final_stage = COALESCE(lifecycles.final_stage, EXCLUDED.final_stage),
       reason = COALESCE(lifecycles.reason, EXCLUDED.reason),
       outcome = COALESCE(lifecycles.outcome, EXCLUDED.outcome)
     WHERE (lifecycles.name, lifecycles.ended_at, lifecycles.final_stage, lifecycles.reason, lifecycles.outcome)
       IS DISTINCT FROM (EXCLUDED.name, COALESCE(lifecycles.ended_at, EXCLUDED.ended_at),
         COALESCE(lifecycles.final_stage, EXCLUDED.final_stage), COALESCE(lifecycles.reason, EXCLUDED.reason),
         COALESCE(lifecycles.outcome, EXCLUDED.outcome))`,
    [
      delta.creditCode,
      delta.lifecycleNo,
      delta.workflowId,
      ctx.nomination.name,
      ctx.nominatedBy,
      delta.at,
      final ? delta.at : null,
      final ? delta.stage : null,
      final ? (ctx.closing?.reason ?? null) : null,
      final ? (ctx.closing?.outcome ?? null) : null,
    ],
  );
};
