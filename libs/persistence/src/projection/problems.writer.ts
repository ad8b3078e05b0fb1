import type { ProblemWhistle } from '@hardtech/domain';
import type { Whistle } from '@hardtech/temporal/lifecycle-context';
import { servedBy } from './served-by';
import type { ProjectionWriter } from './writer';

/**
 * The ledger (化解问题台账): the problems the transition added or changed. A problem's status, its
 * latest whistle (企业吹哨), its ledger work (progress, due date, handling, pending requests) and
 * the plan a whistle's answer sets on a new problem (measures, target) change; the rest is written
 * once, with the lifecycle's district, lead and nomination clusters and commissioner, by which the
 * problem is read (AccessService.problems).
 */
export const writeProblems: ProjectionWriter = (delta) => {
  if (!delta.changes.problems.length) return [];
  const ctx = delta.context;
  const served = servedBy(ctx);
  const changed = new Set(delta.changes.problems);
  const latestWhistle = new Map(ctx.whistles.map((w) => [w.problemId, w]));
  return ctx.problems
    .filter((x) => changed.has(x.id))
    .map((p) => {
      const whistle = latestWhistle.get(p.id);
      return {
        sql: `INSERT INTO problems (id, credit_code, lifecycle_no, title, category, measures, target, owner_department,
         due_at, status, special, district, cluster, created_at, updated_at, whistle_status, whistled_at,
         progress, close_request, extension, whistle, commissioner, nomination_cluster)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$14,$15,$16,$17,$18,$19,$20,$21,$22)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at,
         whistle_status = EXCLUDED.whistle_status, whistled_at = EXCLUDED.whistled_at,
         due_at = EXCLUDED.due_at, special = EXCLUDED.special, progress = EXCLUDED.progress,
         close_request = EXCLUDED.close_request, extension = EXCLUDED.extension, whistle = EXCLUDED.whistle,
         measures = EXCLUDED.measures, target = EXCLUDED.target
       WHERE (problems.status, problems.whistle_status, problems.due_at, problems.special, problems.progress,
              problems.close_request, problems.extension, problems.whistle, problems.measures, problems.target)
         IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.whistle_status, EXCLUDED.due_at, EXCLUDED.special,
              EXCLUDED.progress, EXCLUDED.close_request, EXCLUDED.extension, EXCLUDED.whistle,
              EXCLUDED.measures, EXCLUDED.target)`,
        params: [
          p.id,
          delta.creditCode,
          delta.lifecycleNo,
          p.title,
          p.category,
          p.measures,
          p.target,
          p.ownerDepartment,
          p.dueAt,
          p.status,
          p.special ?? null,
          served.district,
          served.cluster,
          delta.at,
          whistle?.status ?? null,
          whistle?.at ?? null,
          JSON.stringify(p.progress ?? []),
          p.closeRequest ? JSON.stringify(p.closeRequest) : null,
          p.extension ? JSON.stringify(p.extension) : null,
          whistle ? JSON.stringify(ledgerWhistle(whistle)) : null,
          served.commissioner,
          served.nominationCluster,
        ],
        rows: [`problems:${p.id}`],
      };
    });
};

/**
 * What the ledger keeps of a whistle: the enterprise's words and, once answered, the department's
 * reply (addressed to the enterprise), by department: not which officer answered.
 */
function ledgerWhistle(w: Whistle): ProblemWhistle {
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    at: w.at,
    answer:
      w.status === 'answered' && w.response !== null && w.answeredAt !== null
        ? { response: w.response, resolved: w.resolved === true, department: w.owner, at: w.answeredAt }
        : null,
  };
}
