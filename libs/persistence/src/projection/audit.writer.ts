import { projectionReceipt } from '@hardtech/temporal/lifecycle.contract';
import { appendAuditEvent } from '../repositories/audit.repository';
import type { ProjectionWriter } from './writer';

/**
 * The transition in the audit log, once: keyed by the transition, so a retried projection appends
 * nothing. Last of the writers, so the audit chain's lock is held only until the commit that follows.
 */
export const writeAuditEvent: ProjectionWriter = async (sql, delta, { auditChain }) => {
  const receipt = projectionReceipt(delta);
  await appendAuditEvent(sql, auditChain, {
    actor: delta.actor ?? 'system',
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
    data: {
      ...receipt,
      workflowId: delta.workflowId,
      closed: delta.closed.map((c) => ({ ...receipt.closed.find((r) => r.id === c.id), data: c.data })),
    },
    dedupKey: `transition:${delta.workflowId}:${delta.lifecycleNo}:${delta.seq}`,
  });
};
