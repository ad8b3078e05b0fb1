import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError, ErrorStatus, FieldError, NotFound, Text, t } from '@hardtech/domain';

interface FailureDetail {
  status: ErrorStatus;
  code: string;
  text: Text;
  details: FieldError[];
  /** A 429's wait (e.g. URGE_TOO_SOON), answered as Retry-After. */
  retryAfterSeconds?: number;
}

/**
 * Turns what a workflow refused (validator or handler, see workflows/lifecycle/failures.ts) back
 * into the domain error it was, so the API answers with the same status and text.
 */
export function domainErrorFrom(error: unknown): DomainError | null {
  if (error instanceof WorkflowNotFoundError) {
    return new NotFound('LIFECYCLE_NOT_RUNNING', t('该企业没有进行中的流程', 'no running lifecycle'));
  }
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.details?.length) {
    const d = cause.details[0] as Partial<FailureDetail>;
    if (d && typeof d.status === 'number' && d.code && d.text) {
      const error = new DomainError(d.status, d.code, d.text, d.details ?? []);
      if (typeof d.retryAfterSeconds === 'number') error.retryAfterSeconds = d.retryAfterSeconds;
      return error;
    }
  }
  return null;
}
