import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { t, type Text } from '@hardtech/domain';
import { GRPC_TRY_AGAIN_CODES, WorkflowTaskFailingError } from '@hardtech/temporal';

/** Seconds a client is told to wait before it tries again while a dependency is away. */
export const RETRY_AFTER_SECONDS = 2;

// Node's socket errors, and PostgreSQL's SQLSTATEs of a server that is going down, starting up,
// out of connections or unreachable (class 08, 53300, 57P01–57P03).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const POSTGRES_UNAVAILABLE = /^(08...|53300|57P0[123])$/;
// pg's own words for a connection lost or never made (they carry no code).
const POSTGRES_LOST =
  /Connection terminated|timeout exceeded when trying to connect|connection error|not queryable/i;

// Temporal's "try again" (GRPC_TRY_AGAIN_CODES) is what a 503 with Retry-After tells.
function unavailable(e: { code?: unknown; message?: unknown }): boolean {
  if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (e instanceof ServiceError && GRPC_TRY_AGAIN_CODES.includes((e.cause as { code?: number })?.code ?? -1))
    return true;
  const code = typeof e.code === 'string' ? e.code : '';
  if (CONNECTION_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code)) return true;
  return typeof e.message === 'string' && POSTGRES_LOST.test(e.message);
}

// Temporal refuses an Update with FAILED_PRECONDITION (9) and these words while the workflow's last
// workflow task failed or timed out: a worker's activation ran past isolateExecutionTimeout (a worker
// starved of CPU, WORKER_ACTIVATION_TIMEOUT_MS), or the worker died holding it. The Update was not
// accepted (nothing applied, nothing kept) and the server retries the workflow task; once a worker
// completes it, the same request (the same Update id) is taken, once. Other 9s stay a 500.
const FAILED_PRECONDITION = 9;
const WORKFLOW_TASK_FAILED = /Workflow Task in failed state/i;

/** Seconds to wait for the retried workflow task: a worker's next poll, or a dead one's task timing out (10 s). */
export const WORKFLOW_TASK_RETRY_AFTER_SECONDS = 5;

/** Every error in the chain: itself, then its `driverError` (TypeORM) or `cause`, each once. */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  for (let e = error as Record<string, unknown> | undefined; e && typeof e === 'object' && !seen.has(e);) {
    seen.add(e);
    yield e;
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
}

/**
 * Whether Temporal refused an Update because the workflow's last workflow task failed (see
 * WORKFLOW_TASK_FAILED): the answer is then 503 WORKFLOW_TASK_RETRYING with Retry-After, not a 500.
 */
export function isWorkflowTaskFailing(error: unknown): boolean {
  for (const e of chain(error)) {
    // A keyed completion not taken within UPDATE_PATIENCE_MS while the task is being retried.
    if (e instanceof WorkflowTaskFailingError) return true;
    if (!(e instanceof ServiceError)) continue;
    const grpc = e.cause as { code?: unknown; details?: unknown } | undefined;
    if (grpc?.code === FAILED_PRECONDITION && WORKFLOW_TASK_FAILED.test(String(grpc.details ?? '')))
      return true;
  }
  return false;
}

/**
 * Whether an error means PostgreSQL or Temporal is unreachable for now (restarting, failing over)
 * rather than a fault of ours: the answer is then 503 with Retry-After, so that clients retry
 * (with the same Idempotency-Key) instead of giving up on a 500. Follows `cause` and TypeORM's
 * `driverError`, where the driver's error is wrapped.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (const e of chain(error)) if (unavailable(e)) return true;
  return false;
}

/**
 * The 503 an error is answered with, when it is one to send again (Retry-After): the workflow task
 * being retried, or PostgreSQL or Temporal away; null for any other. The error filter answers a
 * request with it, and a bulk action each of its rows.
 */
export function unavailableAnswer(
  error: unknown,
): { status: 503; code: string; text: Text; retryAfterSeconds: number } | null {
  // The workflow's last workflow task failed (an activation timed out on a starved worker): Temporal
  // takes the Update again once a worker completes the task, so the same request is retried.
  if (isWorkflowTaskFailing(error)) {
    const text = t('流程正在恢复，请稍后重试', "the enterprise's workflow is recovering, try again shortly");
    return {
      status: 503,
      code: 'WORKFLOW_TASK_RETRYING',
      text,
      retryAfterSeconds: WORKFLOW_TASK_RETRY_AFTER_SECONDS,
    };
  }
  // PostgreSQL or Temporal away for a moment (a restart, a failover): the client should retry.
  if (isDependencyUnavailable(error)) {
    const text = t('服务暂时不可用，请稍后重试', 'service temporarily unavailable, try again shortly');
    return { status: 503, code: 'SERVICE_UNAVAILABLE', text, retryAfterSeconds: RETRY_AFTER_SECONDS };
  }
  return null;
}
