import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { GRPC_TRY_AGAIN_CODES } from '@hardtech/temporal';

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

/**
 * Whether an error means PostgreSQL or Temporal is unreachable for now (restarting, failing over)
 * rather than a fault of ours: the answer is then 503 with Retry-After, so that clients retry
 * (with the same Idempotency-Key) instead of giving up on a 500. Follows `cause` and TypeORM's
 * `driverError`, where the driver's error is wrapped.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error as Record<string, unknown> | undefined; e && typeof e === 'object' && !seen.has(e);) {
    seen.add(e);
    if (unavailable(e)) return true;
    e = (e.driverError ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}
