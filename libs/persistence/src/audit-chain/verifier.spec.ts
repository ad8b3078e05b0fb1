import { createHash } from 'node:crypto';
import { AuditChainKey, chainHash } from './keyed-hash';
import { sampleEvent as event } from './sample-event';
import { ChainAnchor, ChainVerifier, GENESIS_HASH, StoredAuditRow } from './verifier';

const key: AuditChainKey = { alg: 'sm3', key: 'chain-key-0123456789abcdef0123456789' };

/** A chain of `n` rows: the first `legacy` with plain digests (as the database made them), then keyed. */
function chain(n: number, legacy = 0): StoredAuditRow[] {
  const rows: StoredAuditRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const plain = seq <= legacy;
    const e = event(seq, plain ? 'sha256' : 'hmac-sm3');
    const hash = plain ? createHash('sha256').update(`${prev}${seq}`).digest('hex') : chainHash(key, prev, e);
    rows.push({ ...e, prevHash: prev, hash, legacyDigest: plain ? hash : null });
    prev = hash;
  }
  return rows;
}

function verify(
  rows: StoredAuditRow[],
  options: { legacy?: number; checkpoint?: ChainAnchor; head?: ChainAnchor } = {},
) {
  const v = new ChainVerifier(key, options.legacy ?? 0, options.checkpoint ?? null);
  rows.forEach((r) => v.push(r));
  const last = rows[rows.length - 1];
  return v.finish(options.head ?? { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH });
}

describe('ChainVerifier', () => {
  it('holds for an intact chain, a legacy prefix included, and for an empty one', () => {
    expect(verify(chain(5))).toEqual({ ok: true, checked: 5, firstBrokenAt: null, reason: null });
    expect(verify(chain(5, 2), { legacy: 2 })).toMatchObject({ ok: true, checked: 5 });
    expect(verify([])).toEqual({ ok: true, checked: 0, firstBrokenAt: null, reason: null });
  });

  it('names an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], actor: 'mallory' };
    expect(verify(rows)).toEqual({ ok: false, checked: 5, firstBrokenAt: 3, reason: 'content_changed' });
  });

  it('names an edit whose plain hashes were recomputed down the chain (what a superuser can do)', () => {
    const rows = chain(5);
    let prev = rows[1].hash;
    for (let i = 2; i < rows.length; i++) {
      const edited = {
        ...rows[i],
        actor: i === 2 ? 'mallory' : rows[i].actor,
        hashAlg: 'sha256',
        prevHash: prev,
      };
      const hash = createHash('sha256')
        .update(`${prev}${JSON.stringify(edited)}`)
        .digest('hex');
      rows[i] = { ...edited, hash, legacyDigest: hash };
      prev = hash;
    }
    expect(verify(rows, { head: { seq: 5, hash: prev } })).toMatchObject({
      firstBrokenAt: 3,
      reason: 'content_changed',
    });
  });

  it('names a deleted row, a broken link, and a deleted tail', () => {
    const rows = chain(5);
    expect(verify([...rows.slice(0, 2), ...rows.slice(3)])).toMatchObject({
      firstBrokenAt: 3,
      reason: 'missing_row',
    });
    const relinked = chain(5);
    relinked[3] = { ...relinked[3], prevHash: 'f'.repeat(64) };
    // The keyed hash covers the link: a changed prevHash is a changed row.
    expect(verify(relinked)).toMatchObject({ firstBrokenAt: 4, reason: 'content_changed' });
    expect(verify(rows.slice(0, 3), { head: { seq: 5, hash: rows[4].hash } })).toMatchObject({
      firstBrokenAt: 4,
      reason: 'missing_row',
    });
  });

  it('names a row that is intact but not linked to its predecessor (rows swapped in from elsewhere)', () => {
    const rows = chain(4);
    const other = chain(4).map((r) => ({ ...r }));
    const foreign = { ...other[2], prevHash: rows[1].hash.replace(/^./, 'f') };
    foreign.hash = chainHash(key, foreign.prevHash, foreign);
    expect(verify([rows[0], rows[1], foreign, rows[3]])).toMatchObject({
      firstBrokenAt: 3,
      reason: 'link_broken',
    });
  });

  it('catches truncation and a rewritten chain against the signed checkpoint', () => {
    const rows = chain(5);
    const checkpoint = { seq: 4, hash: rows[3].hash };
    // Emptied, head reset: intact on its own, short of what the checkpoint vouched for.
    expect(verify([], { checkpoint, head: { seq: 0, hash: GENESIS_HASH } })).toEqual({
      ok: false,
      checked: 0,
      firstBrokenAt: 1,
      reason: 'missing_row',
    });
    expect(verify(rows.slice(0, 2), { checkpoint })).toMatchObject({
      firstBrokenAt: 3,
      reason: 'missing_row',
    });
    // Every row re-made as legacy plain hashes, the boundary moved to the end: not what was signed.
    const replain = chain(5, 5);
    expect(verify(replain, { legacy: 5, checkpoint })).toMatchObject({
      firstBrokenAt: 4,
      reason: 'checkpoint_mismatch',
    });
  });

  it('refuses plain hashes past the legacy prefix, and keyed ones inside it', () => {
    expect(verify(chain(4, 4), { legacy: 2 })).toMatchObject({ firstBrokenAt: 3, reason: 'content_changed' });
    expect(verify(chain(4), { legacy: 1 })).toMatchObject({ firstBrokenAt: 1, reason: 'content_changed' });
  });

  it('compares the head table with the last row', () => {
    const rows = chain(3);
    expect(verify(rows, { head: { seq: 3, hash: 'e'.repeat(64) } })).toMatchObject({
      firstBrokenAt: 3,
      reason: 'head_mismatch',
    });
    expect(verify(rows, { head: { seq: 1, hash: rows[0].hash } })).toMatchObject({
      firstBrokenAt: 3,
      reason: 'head_mismatch',
    });
  });

  it('walks only the rows after a verified checkpoint when told where to start', () => {
    const rows = chain(5);
    const from = { seq: 3, hash: rows[2].hash };
    const v = new ChainVerifier(key, 0, from, from);
    rows.slice(3).forEach((r) => v.push(r));
    expect(v.finish({ seq: 5, hash: rows[4].hash })).toEqual({
      ok: true,
      checked: 2,
      firstBrokenAt: null,
      reason: null,
    });
  });
});
