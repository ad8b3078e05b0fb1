import type { ChainedEvent } from './canonical';

/** An audit event of the unit specs: a login at second `seq`, keyed with SM3 unless told. */
export function sampleEvent(seq: number, hashAlg = 'hmac-sm3'): ChainedEvent {
  return {
    seq,
    at: `2026-07-01T08:00:${String(seq).padStart(2, '0')}.000001Z`,
    actor: `user-${seq}`,
    actorRole: null,
    action: 'auth.login',
    outcome: 'ok',
    status: null,
    creditCode: null,
    taskId: null,
    requestId: null,
    data: { seq },
    dedupKey: null,
    hashAlg,
  };
}
