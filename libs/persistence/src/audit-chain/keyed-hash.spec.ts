import { createHash, createHmac } from 'node:crypto';
import { chainHash, hmacAvailable, sameDigest, sign } from './keyed-hash';
import { sampleEvent } from './sample-event';

const event = sampleEvent(1);
const key = { alg: 'sm3' as const, key: 'k'.repeat(40) };
const prev = '0'.repeat(64);

describe('chainHash', () => {
  it('is offered by this Node: SM3 and SHA-256', () => {
    expect(hmacAvailable('sm3')).toBe(true);
    expect(hmacAvailable('sha256')).toBe(true);
  });

  it('is the HMAC of the row’s function over the previous hash and the canonical row, 64 hex digits', () => {
    const sm3 = chainHash(key, prev, event);
    expect(sm3).toMatch(/^[0-9a-f]{64}$/);
    const sha = chainHash(key, prev, { ...event, hashAlg: 'hmac-sha256' });
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(sha).not.toBe(sm3);
    // SM3 is not SHA-256 under another name: its test vector (GB/T 32905, "abc").
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('cannot be made without the key: another key, a plain hash, or a changed link differ', () => {
    const h = chainHash(key, prev, event);
    expect(chainHash({ ...key, key: 'x'.repeat(40) }, prev, event)).not.toBe(h);
    expect(chainHash(key, 'f'.repeat(64), event)).not.toBe(h);
    expect(createHmac('sm3', '').update(prev).digest('hex')).not.toBe(h);
  });

  it('matches nothing for a row that is not keyed (a plain sha256 row past the legacy prefix)', () => {
    expect(chainHash(key, prev, { ...event, hashAlg: 'sha256' })).toBe('');
  });
});

describe('sign and sameDigest', () => {
  it('signs per purpose, compares in constant time', () => {
    expect(sign(key, 'a', 'text')).not.toBe(sign(key, 'b', 'text'));
    expect(sameDigest(sign(key, 'a', 'text'), sign(key, 'a', 'text'))).toBe(true);
    expect(sameDigest('ab', 'abc')).toBe(false);
  });
});
