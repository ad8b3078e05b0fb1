import { FINAL_STAGES } from '@hardtech/domain';
import { servedBy } from './served-by';
import type { ProjectionWriter } from './writer';

/**
 * Columns the row follows while the lifecycle runs: who served it (served-by.ts) and its nomination
 * as supplemented, which the case file of an earlier lifecycle's task shows.
 */
const SERVED_BY = ['district', 'nomination_cluster', 'cluster', 'commissioner', 'nomination'] as const;

/**
 * A served-by column's value after the upsert: the transition's while the lifecycle runs, kept once
 * it has ended, so a late projection of an earlier transition does not move who served it.
 */
const servedByAfter = (column: string) =>
  `CASE WHEN lifecycles.ended_at IS NULL THEN EXCLUDED.${column} ELSE lifecycles.${column} END`;

/**
 * The lifecycle's row: opened by its first transition, renamed by a supplement, ended once. It
 * follows where and by whom the lifecycle is served (its nomination, admission's lead cluster and
 * commissioner: the enterprise's facts), so once the enterprise is nominated again the row says who
 * served this one.
 */
export const writeLifecycle: ProjectionWriter = (delta) => {
  // Only when the row can change: not on every change of the enterprise's facts (a screening, a
  // diagnosis), which cost a statement each (db-statements.test). A delta of an older workflow
  // has no servedBy: any change of the facts may be one.
  if (!delta.changes.lifecycle && !(delta.changes.servedBy ?? delta.changes.enterprise)) return [];
  const ctx = delta.context;
  const final = FINAL_STAGES.includes(delta.stage);
  const served = servedBy(ctx);
  const sql = `INSERT INTO lifecycles (credit_code, lifecycle_no, workflow_id, name, nominated_by, started_at, ended_at, final_stage,
       reason, outcome, ${SERVED_BY.join(', ')})
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
     ON CONFLICT (credit_code, lifecycle_no) DO UPDATE SET name = EXCLUDED.name,
       ended_at = COALESCE(lifecycles.ended_at, EXCLUDED.ended_at),
       final_stage = COALESCE(lifecycles.final_stage, EXCLUDED.final_stage),
       reason = COALESCE(lifecycles.reason, EXCLUDED.reason),
       outcome = COALESCE(lifecycles.outcome, EXCLUDED.outcome),
       ${SERVED_BY.map((c) => `${c} = ${servedByAfter(c)}`).join(', ')}
     WHERE (lifecycles.name, lifecycles.ended_at, lifecycles.final_stage, lifecycles.reason, lifecycles.outcome,
         ${SERVED_BY.map((c) => `lifecycles.${c}`).join(', ')})
       IS DISTINCT FROM (EXCLUDED.name, COALESCE(lifecycles.ended_at, EXCLUDED.ended_at),
         COALESCE(lifecycles.final_stage, EXCLUDED.final_stage), COALESCE(lifecycles.reason, EXCLUDED.reason),
         COALESCE(lifecycles.outcome, EXCLUDED.outcome), ${SERVED_BY.map(servedByAfter).join(', ')})`;
  const params = [
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
    served.district,
    served.nominationCluster,
    served.cluster,
    served.commissioner,
    JSON.stringify(ctx.nomination),
  ];
  return [{ sql, params, rows: [`lifecycles:${delta.creditCode}:${delta.lifecycleNo}`] }];
};
