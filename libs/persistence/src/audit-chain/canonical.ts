/**
 * The canonical text of an audit event, hashed into the keyed chain (issue 20.2). It must come out
 * the same from the values the application inserts and from the row read back from PostgreSQL
 * (where `data` went through jsonb, which reorders keys and drops nothing JSON keeps), so `data` is
 * first reduced to what JSON keeps (Dates to ISO text, undefined dropped) and its keys sorted.
 */
export interface ChainedEvent {
  seq: number;
  /** UTC to the microsecond, as PostgreSQL stores it: `2026-07-01T08:00:00.123456Z`. */
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  outcome: string;
  status: number | null;
  creditCode: string | null;
  taskId: string | null;
  requestId: string | null;
  data: unknown;
  dedupKey: string | null;
  /** The hash function of the row (`hmac-sm3`, `hmac-sha256`), so it cannot be swapped unnoticed. */
  hashAlg: string;
}

/** JSON with object keys in code-unit order at every depth; the value as JSON.stringify keeps it. */
export function canonicalJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json === undefined ? 'null' : sorted(JSON.parse(json));
}

function sorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sorted).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sorted((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every field of the row but its hashes, in a fixed order. */
export function canonicalAuditEvent(e: ChainedEvent): string {
  return canonicalJson([
    e.seq,
    e.at,
    e.actor,
    e.actorRole,
    e.action,
    e.outcome,
    e.status,
    e.creditCode,
    e.taskId,
    e.requestId,
    e.data ?? {},
    e.dedupKey,
    e.hashAlg,
  ]);
}
