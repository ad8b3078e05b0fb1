import { ProjectionDelta, projectionReceipt, ProjectionReceipt } from '@hardtech/temporal/lifecycle.contract';
// jsonb gives keys back in its own order: content is compared as JSON with sorted keys.
import { canonicalJson } from '@hardtech/temporal/update-ids';
import { appendAuditEvent, ChainNext, SqlRunner } from '../repositories/audit.repository';
import type { ReadingProjectionWriter } from './writer';

/** Versions of one transition number the log keeps apart (a lost workflow task, then the real one). */
const MAX_VERSIONS = 4;

/** A transition as the log holds it: its receipt, the closed tasks with the data they were closed with. */
type LoggedTransition = Omit<Partial<ProjectionReceipt>, 'closed'> &
  Pick<ProjectionReceipt, 'opened' | 'assigned'> & {
    closed: { id: string; status: string; outcome: string | null; data?: unknown }[];
  };

/**
 * What identifies a transition's content for the log: its stage, the tasks it closed (with outcome
 * and data), opened and reassigned, and what an approval action, an urge, a copy or new deadlines
 * touched. Times are left out: a completion re-applied after its workflow task was lost opens the
 * same tasks with later deadlines, and is the same transition.
 */
export function transitionFingerprint(r: LoggedTransition): string {
  return JSON.stringify([
    r.stage ?? null,
    r.closed.map((c) => `${c.id}:${c.status}:${c.outcome ?? ''}:${canonicalJson(c.data)}`).sort(),
    r.opened.map((o) => `${o.id}:${o.type}`).sort(),
    r.assigned.map((a) => `${a.id}:${a.assignee ?? ''}`).sort(),
    r.approvalAction ? `${r.approvalAction.kind}:${r.approvalAction.taskId}` : null,
    (r.urged ?? []).map((u) => `${u.id}:${u.by}`).sort(),
    (r.copied ?? []).map((c) => `${c.id}:${[...c.users].sort().join(',')}`).sort(),
    (r.rescheduled ?? []).map((x) => x.id).sort(),
  ]);
}

/**
 * The dedup key to log a transition under, or null when the log has it. Keyed by the transition,
 * so a retried projection appends nothing; a different transition under the same number — one a
 * lost workflow task projected, the read-model repair then voided (docs/design.md, "The read model
 * under faults") — gets a version of its own (`…:2`), so the transition the workflow did make is
 * never dropped from the log as a duplicate. One statement reads the key's versions and locks the
 * chain's head for the append (a retry locks it for nothing until its commit, which is rare).
 */
async function transitionKey(
  sql: SqlRunner,
  base: string,
  transition: LoggedTransition,
): Promise<{ key: string | null; head: ChainNext }> {
  const keys = [base, ...Array.from({ length: MAX_VERSIONS - 1 }, (_, i) => `${base}:${i + 2}`)];
  const result = await sql.query(
    `SELECT n.seq, n.prev_hash, n.at,
       (SELECT coalesce(json_agg(json_build_object('dedup_key', e.dedup_key, 'data', e.data)), '[]')
        FROM audit_events e WHERE e.dedup_key = ANY($1)) AS logged
     FROM audit_chain_next() n`,
    [keys],
  );
  const [{ logged, ...head }]: (ChainNext & { logged: { dedup_key: string; data: LoggedTransition }[] })[] =
    Array.isArray(result) ? result : result.rows;
  const mine = transitionFingerprint(transition);
  if (logged.some((row) => transitionFingerprint(row.data) === mine)) return { key: null, head };
  const taken = new Set(logged.map((row) => row.dedup_key));
  return { key: keys.find((k) => !taken.has(k)) ?? null, head };
}

/**
 * Who made a transition, as the log names it: the user whose Update or Signal it was; for a
 * lifecycle's opening transition (its first, closing nothing), the nominator the API started the
 * workflow for (its input's `nominatedBy`, in the context); else `system` (timers, quarter ticks).
 */
export function transitionActor(
  delta: Pick<ProjectionDelta, 'actor' | 'seq' | 'closed' | 'context'>,
): string {
  if (delta.actor) return delta.actor;
  const opening = delta.seq === 1 && delta.closed.length === 0;
  return (opening && delta.context?.nominatedBy) || 'system';
}

/**
 * The transition in the audit log, once. Last of the writers, so the audit chain's lock is held
 * only until the commit that follows.
 */
export const writeAuditEvent: ReadingProjectionWriter = async (sql, delta, { auditChain }) => {
  const receipt = projectionReceipt(delta);
  const closed = delta.closed.map((c) => ({ ...receipt.closed.find((r) => r.id === c.id)!, data: c.data }));
  const { key: dedupKey, head } = await transitionKey(
    sql,
    `transition:${delta.workflowId}:${delta.lifecycleNo}:${delta.seq}`,
    { ...receipt, closed },
  );
  if (!dedupKey) return;
  // transitionKey read the key's versions and locked the head: appendAuditEvent need not again.
  await appendAuditEvent(
    sql,
    auditChain,
    {
      actor: transitionActor(delta),
      action: 'workflow.transition',
      creditCode: delta.creditCode,
      // An approval action (退回, 撤回, 加签) names its task, and the receipt says who, when and why.
      taskId:
        delta.approvalAction?.taskId ??
        delta.closed.find((c) => c.status === 'done')?.id ??
        delta.assigned[0]?.id ??
        delta.urged?.[0]?.id ??
        delta.copied?.[0]?.id ??
        null,
      data: { ...receipt, workflowId: delta.workflowId, closed },
      dedupKey,
    },
    head,
  );
};
