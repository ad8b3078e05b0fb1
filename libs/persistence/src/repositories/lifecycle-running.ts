import { ENDED_LEDGER_STATUS, FINAL_STAGES, LEDGER_FINISHED_STATUSES } from '@hardtech/domain';

const FINAL = FINAL_STAGES.map((s) => `'${s}'`).join(', ');

/**
 * SQL: the row (a task or a ledger problem, alias `row`) belongs to its enterprise's (alias `e`)
 * current lifecycle, and that lifecycle still runs. Once it has ended (graduated, exited, not
 * admitted: FINAL_STAGES) nobody can act on its work (409 LIFECYCLE_ENDED), so it is overdue for
 * nobody: it leaves the overdue counts and lists, and the ledger keeps showing it as it is
 * (docs/design.md 2.3, "Overdue counts only what someone can still do").
 */
export function lifecycleRunning(row: string, e: string): string {
  return `(${row}.lifecycle_no = ${e}.lifecycle_no AND ${e}.stage NOT IN (${FINAL}))`;
}

/**
 * SQL: a ledger problem's (alias `p`, its enterprise `e`) status as the ledger counts and filters it
 * (LEDGER_STATUSES): `ended` when not closed out and its lifecycle no longer runs, else its own.
 * The dashboard's 问题台账·按状态 groups by it and GET /api/problems `status=` filters by it, so a
 * slice opens the rows it counts.
 */
export function ledgerStatus(p: string, e: string): string {
  return `(CASE WHEN ${p}.status <> 'resolved' AND NOT ${lifecycleRunning(p, e)}
    THEN '${ENDED_LEDGER_STATUS}' ELSE ${p}.status END)`;
}

/**
 * SQL: a ledger problem's place in the ledger's order (LEDGER_FINISHED_STATUSES): 0 while it is
 * worked, 1 once finished (已销号, 帮扶已结束); the lists order by it, then by due date.
 */
export function ledgerOrder(p: string, e: string): string {
  const finished = LEDGER_FINISHED_STATUSES.map((s) => `'${s}'`).join(', ');
  return `(CASE WHEN ${ledgerStatus(p, e)} IN (${finished}) THEN 1 ELSE 0 END)`;
}

/** SQL: an open task (alias `t`) past its due time whose lifecycle still runs (no join needed). */
export const OVERDUE_TASK = `t.status = 'open' AND t.due_at < now() AND EXISTS (
  SELECT 1 FROM enterprises running WHERE running.credit_code = t.credit_code AND ${lifecycleRunning('t', 'running')})`;
