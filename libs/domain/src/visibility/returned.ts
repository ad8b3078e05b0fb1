import { Returned, RETURNED_OUTCOME } from '../approval-actions/return';
import { Role } from '../roles';
import { visibleStep } from './redact';

/** A 退回 as a reader sees it: `by` null where the reader may not know which officer decided. */
export type ReturnedView = Omit<Returned, 'by'> & { by: string | null };

/**
 * Why a task was sent back to it (退回), on the reopened task, as the reader may read it: exactly
 * what `visibleStep` gives of the returned step in the case file (its reason is a request when the
 * enterprise's own step was sent back, else a deliberation), so the task and the case file never
 * disagree. Null when the reader may not read the reason.
 */
export function visibleReturned(role: Role, returned: Returned | null): ReturnedView | null {
  if (!returned) return null;
  const step = visibleStep(role, {
    taskType: returned.fromType,
    outcome: RETURNED_OUTCOME,
    data: { reason: returned.reason },
    actor: returned.by,
  });
  return typeof step.data.reason === 'string' ? { ...returned, by: step.actor } : null;
}
