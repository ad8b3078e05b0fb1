import { taskDepartment, taskProblemId } from '@hardtech/domain';
import { servedBy } from './served-by';
import type { WriterStatement } from './statements';
import type { ProjectionWriter } from './writer';

const TASK_COLUMNS = `id, workflow_id, credit_code, lifecycle_no, type, stage, state_key, candidate_groups,
  assignee, status, quarter, enterprise_name, district, cluster, policy_version, created_at, due_at,
  remind_at, escalate_at, department, returned, countersign_of, parent_task_id, provisional, details, problem_id`;

/**
 * A task not done (again): no outcome, no completer, no principal a proxy did it for. What a
 * 撤回, a task the workflow opens again and the read-model repair's reopening all clear, so none
 * of them leaves the withdrawn completion's author behind.
 */
export const NOT_DONE_COLUMNS = `outcome = NULL, completed_by = NULL, completed_at = NULL, on_behalf_of = NULL,
  idempotency_key = NULL, result = NULL`;

/** `($1,…,$k), ($k+1,…)`: the placeholders of a multi-row VALUES. */
function valuesOf(rows: unknown[][]): string {
  let n = 0;
  return rows.map((row) => `(${row.map(() => `$${++n}`).join(',')})`).join(', ');
}

/**
 * The inbox: the tasks the transition opened (one statement for all, with their yearly-cycle facts),
 * closed (done or cancelled, with the principal a proxy completed for) and (re)assigned.
 */
export const writeTasks: ProjectionWriter = (delta, ctx) => {
  const n = delta.context.nomination;
  const { district, cluster } = servedBy(delta.context);
  const opened = delta.opened.map((task) => [
    task.id,
    delta.workflowId,
    delta.creditCode,
    delta.lifecycleNo,
    task.type,
    task.stage,
    task.key,
    task.candidateGroups,
    task.assignee,
    'open',
    task.quarter ?? null,
    n.name,
    district,
    cluster,
    task.policyVersion,
    task.createdAt,
    task.dueAt,
    task.remindAt ?? null,
    task.escalateAt ?? null,
    taskDepartment(task.type, task.candidateGroups),
    task.returned ? JSON.stringify(task.returned) : null,
    task.countersignOf ? JSON.stringify(task.countersignOf) : null,
    task.countersignOf?.taskId ?? null,
    !!task.provisional,
    task.details ? JSON.stringify(task.details) : null,
    // The ledger problem it is about, kept: a later whistle on it moves the problem's latest on.
    taskProblemId(task.key, delta.context.whistles ?? []) ?? null,
  ]);
  const statements: WriterStatement[] = [];
  if (opened.length) {
    // A task the read-model repair voided is open again when the workflow opens it: the repair
    // compared with a workflow whose task was still to be run again (docs/design.md, "The read
    // model under faults"), and a workflow's task ids are its own, so the same id is the same task.
    // Any other row of that id is this projection retried, and stays as it is.
    statements.push({
      sql: `INSERT INTO tasks (${TASK_COLUMNS}) VALUES ${valuesOf(opened)}
       ON CONFLICT (id) DO UPDATE SET status = 'open', ${NOT_DONE_COLUMNS}, data = NULL, withdrawn = NULL,
         assignee = EXCLUDED.assignee
       WHERE tasks.status = 'cancelled' AND (tasks.result->>'repair') IS NOT NULL`,
      params: opened.flat(),
      rows: delta.opened.map((t) => `tasks:${t.id}`),
    });
  }
  for (const c of delta.closed) {
    statements.push({
      sql: `UPDATE tasks SET status = $2, outcome = $3, data = $4, completed_by = $5, completed_at = $6,
         idempotency_key = $7, result = $8, on_behalf_of = COALESCE($9, on_behalf_of)
       WHERE id = $1 AND status = 'open'`,
      params: [
        c.id,
        c.status,
        c.outcome,
        JSON.stringify(c.data),
        c.completedBy,
        c.completedAt,
        c.idempotencyKey,
        JSON.stringify(c.result),
        c.onBehalfOf ?? null,
      ],
      rows: [`tasks:${c.id}`],
    });
  }
  statements.push(...writeApprovalActions(delta, ctx));
  for (const { id, assignee } of delta.assigned) {
    statements.push({
      sql: `UPDATE tasks SET assignee = $2 WHERE id = $1 AND status = 'open' AND assignee IS DISTINCT FROM $2`,
      params: [id, assignee],
      rows: [`tasks:${id}`],
    });
  }
  return statements;
};

/**
 * 撤回 opens a done task again (claimed, with the withdrawn data as its draft) and takes back who
 * did it: the completer and the principal a proxy did it for both go, so a later completion by
 * someone else is not named 代 that principal; 加签 records the countersignatures asked on a task
 * and who answered. A task a withdrawal reopens is never one the same transition closes.
 */
const writeApprovalActions: ProjectionWriter = (delta) => [
  ...(delta.reopened ?? []).map((r) => ({
    // The outcome it is reopened from (the old row's, read before NOT_DONE_COLUMNS clears it).
    sql: `UPDATE tasks SET status = 'open', ${NOT_DONE_COLUMNS}, data = $3, assignee = $2,
         withdrawn = jsonb_build_object('outcome', outcome)
       WHERE id = $1 AND status = 'done'`,
    params: [r.id, r.assignee, JSON.stringify(r.draft)],
    rows: [`tasks:${r.id}`],
  })),
  ...(delta.countersigned ?? []).map((c) => ({
    sql: `UPDATE tasks SET countersigns = $2 WHERE id = $1`,
    params: [c.id, JSON.stringify(c.countersigns)],
    rows: [`tasks:${c.id}`],
  })),
];
