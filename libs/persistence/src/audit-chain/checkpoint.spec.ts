import { latestCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint';

const key = { alg: 'sm3' as const, key: 'checkpoint-key-0123456789abcdef0123' };
const head = { seq: 42, hash: 'a'.repeat(64) };
const at = new Date('2026-07-01T08:15:00Z');

describe('signed checkpoints', () => {
  it('round-trips through a line of the store', () => {
    const c = signCheckpoint(key, head, 0, at);
    expect(c).toMatchObject({
      seq: 42,
      hash: head.hash,
      at: '2026-07-01T08:15:00.000Z',
      legacyThrough: 0,
      alg: 'sm3',
    });
    expect(parseCheckpoint(key, JSON.stringify(c))).toEqual(c);
  });

  it('refuses a line that was changed, signed with another key, or is not a checkpoint', () => {
    const line = JSON.stringify(signCheckpoint(key, head, 0, at));
    for (const changed of [
      line.replace('"seq":42', '"seq":41'),
      line.replace('"legacyThrough":0', '"legacyThrough":42'),
      line.replace(/"hash":"a+"/, `"hash":"${'b'.repeat(64)}"`),
      JSON.stringify(signCheckpoint({ ...key, key: 'another-key-0123456789abcdef0123456' }, head, 0, at)),
      JSON.stringify(signCheckpoint({ ...key, alg: 'sha256' }, head, 0, at)),
      'not json',
      '{"seq":"42"}',
      'null',
    ]) {
      expect([changed, parseCheckpoint(key, changed)]).toEqual([changed, null]);
    }
  });

  it('takes the longest chain vouched for, the latest among equals, skipping forged lines', () => {
    const lines = [
      signCheckpoint(key, { seq: 10, hash: 'c'.repeat(64) }, 0, new Date('2026-07-01T08:00:00Z')),
      signCheckpoint(key, head, 0, new Date('2026-07-01T08:15:00Z')),
      signCheckpoint(key, head, 0, new Date('2026-07-01T08:30:00Z')),
      { ...signCheckpoint(key, head, 0, at), seq: 99 },
    ].map((c) => JSON.stringify(c));
    expect(latestCheckpoint(key, lines)).toMatchObject({ seq: 42, at: '2026-07-01T08:30:00.000Z' });
    expect(latestCheckpoint(key, [])).toBeNull();
  });
});
