import { canonicalAuditEvent, canonicalJson, ChainedEvent } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth, so jsonb’s reordering changes nothing', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('keeps what JSON keeps: Dates as ISO text, undefined dropped, numbers as JSON writes them', () => {
    expect(
      canonicalJson({ at: new Date('2026-07-01T08:00:00Z'), gone: undefined, n: 1e21, f: 0.1 + 0.2 }),
    ).toBe('{"at":"2026-07-01T08:00:00.000Z","f":0.30000000000000004,"n":1e+21}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('reads the same after a round trip through JSON text', () => {
    const data = { 名称: '芯测', list: [1, 'two', { x: true }], nested: { b: '\n"', a: -0 } };
    expect(canonicalJson(JSON.parse(JSON.stringify(data)))).toBe(canonicalJson(data));
  });
});

describe('canonicalAuditEvent', () => {
  const event: ChainedEvent = {
    seq: 7,
    at: '2026-07-01T08:00:00.123456Z',
    actor: 'coordinator',
    actorRole: 'city_coordinator',
    action: 'POST /api/tasks/:id/complete',
    outcome: 'ok',
    status: 201,
    creditCode: '91500000MA5U7DXX1F',
    taskId: null,
    requestId: 'r-1',
    data: { b: 2, a: 1 },
    dedupKey: null,
    hashAlg: 'hmac-sm3',
  };

  it('lists every field but the hashes in a fixed order', () => {
    expect(canonicalAuditEvent(event)).toBe(
      '[7,"2026-07-01T08:00:00.123456Z","coordinator","city_coordinator","POST /api/tasks/:id/complete","ok",201,"91500000MA5U7DXX1F",null,"r-1",{"a":1,"b":2},null,"hmac-sm3"]',
    );
  });

  it('changes with any field, the hash function included', () => {
    const base = canonicalAuditEvent(event);
    for (const change of [
      { seq: 8 },
      { actor: 'mallory' },
      { data: { a: 1, b: 3 } },
      { hashAlg: 'hmac-sha256' },
    ]) {
      expect(canonicalAuditEvent({ ...event, ...change })).not.toBe(base);
    }
  });
});
