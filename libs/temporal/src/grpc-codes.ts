/**
 * gRPC status codes by which the Temporal frontend says "try again": UNAVAILABLE (14), DEADLINE_EXCEEDED
 * (4), RESOURCE_EXHAUSTED (8) and ABORTED (10) — away, slow or shedding load (a busy history shard,
 * too many Updates in flight on one workflow, a schedule's workflow not yet picked up again).
 */
export const GRPC_TRY_AGAIN_CODES: readonly number[] = [14, 4, 8, 10];
