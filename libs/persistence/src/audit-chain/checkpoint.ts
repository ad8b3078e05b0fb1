import { canonicalJson } from './canonical';
import { AuditChainKey, sameDigest, sign } from './keyed-hash';
import type { ChainAnchor } from './verifier';

/**
 * A signed checkpoint of the chain's head (issue 20.2): the chain had `seq` rows, the last with
 * `hash`, at `at`; rows up to `legacyThrough` carry plain hashes. Kept outside the database, so
 * rewriting or truncating the chain up to it is caught even by whoever can recompute plain hashes.
 */
export interface SignedCheckpoint extends ChainAnchor {
  at: string;
  legacyThrough: number;
  alg: AuditChainKey['alg'];
  sig: string;
}

const PURPOSE = 'audit-checkpoint';

const signedText = (c: Omit<SignedCheckpoint, 'sig'>) =>
  canonicalJson({ seq: c.seq, hash: c.hash, at: c.at, legacyThrough: c.legacyThrough, alg: c.alg });

export function signCheckpoint(
  key: AuditChainKey,
  head: ChainAnchor,
  legacyThrough: number,
  at: Date,
): SignedCheckpoint {
  const body = { seq: head.seq, hash: head.hash, at: at.toISOString(), legacyThrough, alg: key.alg };
  return { ...body, sig: sign(key, PURPOSE, signedText(body)) };
}

/** The checkpoint a line of the store holds, if it parses and its signature is the key's. */
export function parseCheckpoint(key: AuditChainKey, line: string): SignedCheckpoint | null {
  let c: SignedCheckpoint;
  try {
    c = JSON.parse(line);
  } catch {
    return null;
  }
  if (
    !c ||
    !Number.isSafeInteger(c.seq) ||
    !Number.isSafeInteger(c.legacyThrough) ||
    typeof c.hash !== 'string' ||
    typeof c.at !== 'string' ||
    typeof c.sig !== 'string' ||
    c.alg !== key.alg
  ) {
    return null;
  }
  return sameDigest(sign(key, PURPOSE, signedText(c)), c.sig) ? c : null;
}

/** The last checkpoint of a store's lines: the longest chain vouched for, the latest among equals. */
export function latestCheckpoint(key: AuditChainKey, lines: string[]): SignedCheckpoint | null {
  let latest: SignedCheckpoint | null = null;
  for (const line of lines) {
    const c = parseCheckpoint(key, line);
    if (c && (!latest || c.seq > latest.seq || (c.seq === latest.seq && c.at > latest.at))) latest = c;
  }
  return latest;
}
