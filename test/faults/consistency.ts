import { WorkflowExecutionStatusName } from '@temporalio/client';
import {
  lifecycleStateQuery,
  lifecycleWorkflowId,
  LifecycleView,
} from '@hardtech/temporal/lifecycle.contract';
import { db } from '../support/db';
import { temporalClient } from '../support/temporal';

/** What the checker compared, and every disagreement it found (empty when consistent). */
export interface ConsistencyReport {
  enterprises: number;
  openTasks: number;
  doneTasks: number;
  transitions: number;
  problems: number;
  stages: Record<string, number>;
  violations: string[];
}

const sorted = (values: Iterable<string>) => [...values].sort();
const same = (a: Iterable<string>, b: Iterable<string>) =>
  JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/**
 * Compares, for each enterprise, the workflow (its state query: the source of truth) with the read
 * model in PostgreSQL: the inbox has exactly the workflow's open tasks (none lost, none left
 * behind), no task was created twice, the enterprise row and the audit log have each transition
 * exactly once (1..n, none applied twice, none missing), and the ledger has the workflow's problems.
 * Call it while no request is in flight: a transition the workflow made but has not projected yet
 * would otherwise count as a disagreement.
 */
export async function checkConsistency(creditCodes: string[]): Promise<ConsistencyReport> {
  const client = await temporalClient();
  const report: ConsistencyReport = {
    enterprises: 0,
    openTasks: 0,
    doneTasks: 0,
    transitions: 0,
    problems: 0,
    stages: {},
    violations: [],
  };
  for (const code of creditCodes) {
    const handle = client.workflow.getHandle(lifecycleWorkflowId(code));
    const view: LifecycleView = await handle.query(lifecycleStateQuery);
    const status: WorkflowExecutionStatusName = (await handle.describe()).status.name;
    const violation = (what: string) => report.violations.push(`${code}: ${what}`);
    report.enterprises++;
    report.stages[view.stage] = (report.stages[view.stage] ?? 0) + 1;

    const { rows: tasks } = await db().query(
      // Tasks the read-model repair voided (opened by a workflow task that was lost) never existed.
      `SELECT id, type, status, quarter FROM tasks
        WHERE credit_code = $1 AND lifecycle_no = $2 AND (result->>'repair') IS NULL`,
      [code, view.lifecycleNo],
    );
    const inboxOpen = tasks.filter((t) => t.status === 'open').map((t) => t.id as string);
    const workflowOpen = view.openTasks.map((t) => t.id);
    if (!same(inboxOpen, workflowOpen))
      violation(`open tasks: workflow ${sorted(workflowOpen)} ≠ inbox ${sorted(inboxOpen)}`);
    // The path driven here has no loops: each task type (per quarter) is created once.
    const kinds = tasks.map((t) => `${t.type}/${t.quarter ?? ''}`);
    const twice = kinds.filter((k, i) => kinds.indexOf(k) !== i);
    if (twice.length) violation(`task created twice: ${twice}`);
    report.openTasks += inboxOpen.length;
    report.doneTasks += tasks.filter((t) => t.status === 'done').length;

    const { rows: enterprise } = await db().query(
      `SELECT stage, projection_seq FROM enterprises WHERE credit_code = $1`,
      [code],
    );
    if (enterprise[0]?.stage !== view.stage)
      violation(`stage: workflow ${view.stage} ≠ enterprise row ${enterprise[0]?.stage}`);
    if (enterprise[0]?.projection_seq !== view.transitions)
      violation(
        `transitions: workflow ${view.transitions} ≠ enterprise row ${enterprise[0]?.projection_seq}`,
      );
    // Less the transitions the repair voided: logged by workflow tasks that were lost.
    const { rows: logged } = await db().query(
      `SELECT (data->>'seq')::int AS seq, count(*)::int AS n FROM audit_events
        WHERE action = 'workflow.transition' AND data->>'workflowId' = $1 AND (data->>'lifecycleNo')::int = $2
          AND dedup_key NOT IN (
            SELECT v->>'dedupKey' FROM audit_events r, jsonb_array_elements(r.data->'voidedTransitions') v
            WHERE r.action = 'readmodel.repaired' AND r.credit_code = $3)
        GROUP BY 1 ORDER BY 1`,
      [handle.workflowId, view.lifecycleNo, code],
    );
    const expected = Array.from({ length: view.transitions }, (_, i) => i + 1);
    if (JSON.stringify(logged.map((r) => r.seq)) !== JSON.stringify(expected))
      violation(`audited transitions ${logged.map((r) => r.seq)} ≠ 1..${view.transitions}`);
    if (logged.some((r) => r.n > 1)) violation(`a transition audited twice: ${JSON.stringify(logged)}`);
    report.transitions += view.transitions;

    const ledger = view.context!.problems.map((p) => `${p.id}:${p.status}`);
    const { rows: problems } = await db().query(
      `SELECT id, status FROM problems WHERE credit_code = $1 AND lifecycle_no = $2`,
      [code, view.lifecycleNo],
    );
    const stored = problems.map((p) => `${p.id}:${p.status}`);
    if (!same(ledger, stored)) violation(`ledger: workflow ${sorted(ledger)} ≠ problems ${sorted(stored)}`);
    report.problems += stored.length;

    const final = ['graduated', 'exited', 'rejected'].includes(view.stage);
    if (final !== (status === 'COMPLETED')) violation(`stage ${view.stage} but execution ${status}`);
  }
  return report;
}

/**
 * The completions, among those answered 200, that their workflow does not have: each must be an
 * Update the workflow accepted (its history names the task) — or, for the first step, a started run.
 */
export async function completionsMissing(
  answered: { creditCode: string; taskId: string }[],
): Promise<string[]> {
  const client = await temporalClient();
  const byEnterprise = new Map<string, string[]>();
  for (const a of answered)
    byEnterprise.set(a.creditCode, [...(byEnterprise.get(a.creditCode) ?? []), a.taskId]);
  const missing: string[] = [];
  for (const [code, taskIds] of byEnterprise) {
    const history = await client.workflow.getHandle(lifecycleWorkflowId(code)).fetchHistory();
    const accepted = new Set<string>();
    for (const event of history.events ?? []) {
      const payload =
        event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads?.[0];
      if (!payload?.data) continue;
      const request = JSON.parse(Buffer.from(payload.data).toString('utf8')) as { taskId?: string };
      if (request.taskId) accepted.add(request.taskId);
    }
    missing.push(...taskIds.filter((id) => !accepted.has(id)).map((id) => `${code}: ${id}`));
  }
  return missing;
}
