import {
  candidateFactsOf,
  CLOSE_WITHDRAWN_OUTCOME,
  problemWorkerGroups,
  TASK_FORMS,
  taskProblemId,
} from '@hardtech/domain';
import { select } from '../repositories/audit.repository';
import type { ReadingProjectionWriter } from './writer';

/** Decisions (confirm, reject, approve) and 部门报到 (respond): other tasks' outcomes, mostly. */
const DECISION_OUTCOMES = new Set(
  [TASK_FORMS.PROBLEM_CLOSE, TASK_FORMS.PROBLEM_EXTENSION, TASK_FORMS.WHISTLE_RESPONSE].flatMap((f) =>
    Object.keys(f.outcomes),
  ),
);

/**
 * The decision notice outbox: a PROBLEM_CLOSE or PROBLEM_EXTENSION done is the coordinators'
 * decision on a ledger request; a WHISTLE_RESPONSE done is a department's answer to the
 * enterprise's whistle on one (部门报到), told to the enterprise alike. Queued in the transition's
 * transaction with the problem as the step left it and who works it, so a notice is never lost;
 * keyed by the task, so never queued twice. The worker's sweeper fans it out
 * (ProblemDecisionNoticesRepository.sweep). A PROBLEM_CLOSE withdrawn by a whistle's answer "not
 * resolved" (cancelled, CLOSE_WITHDRAWN_OUTCOME) is queued alike: its requester and reviewers hear why.
 * It reads the decided tasks' keys first, so it runs after the other writers' statements (their
 * keys and types are the ones the tasks were opened with).
 */
export const queueProblemDecisions: ReadingProjectionWriter = async (sql, delta) => {
  const done = delta.closed
    .filter(
      (c) =>
        (c.status === 'done' && c.outcome !== null && DECISION_OUTCOMES.has(c.outcome)) ||
        (c.status === 'cancelled' && c.outcome === CLOSE_WITHDRAWN_OUTCOME),
    )
    .map((c) => c.id);
  // A decision always changes its problem (status, due date or pending request), an answer its
  // whistle; a transition that decides nothing (by its outcomes) costs no statement.
  if (!done.length || !delta.changes.problems.length) return;
  const rows: { id: string; state_key: string }[] = await select(
    sql,
    `SELECT id, state_key FROM tasks WHERE id = ANY($1) AND type IN ('PROBLEM_CLOSE', 'PROBLEM_EXTENSION', 'WHISTLE_RESPONSE')`,
    [done],
  );
  const facts = candidateFactsOf(delta.context);
  for (const task of rows) {
    const problemId = taskProblemId(task.state_key, delta.context.whistles ?? []);
    const problem = delta.context.problems.find((p) => p.id === problemId);
    if (!problem) continue;
    await sql.query(
      `INSERT INTO problem_decision_outbox (task_id, problem_id, title, due_at, worker_groups, queued_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [task.id, problem.id, problem.title, problem.dueAt, problemWorkerGroups(problem, facts), delta.at],
    );
  }
};
