import { FINAL_STAGES } from '@hardtech/domain';

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

/** SQL: an open task (alias `t`) past its due time whose lifecycle still runs (no join needed). */
export const OVERDUE_TASK = `t.status = 'open' AND t.due_at < now() AND EXISTS (
  SELECT 1 FROM enterprises running WHERE running.credit_code = t.credit_code AND ${lifecycleRunning('t', 'running')})`;
