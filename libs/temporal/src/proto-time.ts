/** Protobuf timestamps and durations: seconds as Long, number or string (JSON histories), nanos. */
export function protoMillis(ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return Number(String(ts?.seconds ?? 0)) * 1000 + Math.floor((ts?.nanos ?? 0) / 1e6);
}
