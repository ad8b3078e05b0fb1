import { createHmac, getHashes, timingSafeEqual } from 'node:crypto';
import { canonicalAuditEvent, ChainedEvent } from './canonical';

/** SM3 (GB/T 32905, 国密) or SHA-256, chosen by AUDIT_HMAC_ALG. */
export const AUDIT_HMAC_ALGS = ['sm3', 'sha256'] as const;
export type AuditHmacAlg = (typeof AUDIT_HMAC_ALGS)[number];

/** The key of the chain: outside the database, so nobody there can recompute a hash. */
export interface AuditChainKey {
  alg: AuditHmacAlg;
  key: string;
}

/** The `hash_alg` a row records. `sha256` marks the plain hashes of rows from before the key. */
export const rowAlgOf = (alg: AuditHmacAlg) => `hmac-${alg}` as const;
export const LEGACY_ROW_ALG = 'sha256';

/** Whether this Node's OpenSSL offers the function (SM3 is missing from some FIPS builds). */
export const hmacAvailable = (alg: AuditHmacAlg) => getHashes().includes(alg);

/** The hash of a row: HMAC(key, prevHash ‖ canonical(event)), hex (64 digits for both functions). */
export function chainHash(key: AuditChainKey, prevHash: string, event: ChainedEvent): string {
  const alg = AUDIT_HMAC_ALGS.find((a) => rowAlgOf(a) === event.hashAlg);
  if (!alg) return ''; // not a keyed row: matches no stored hash
  return createHmac(alg, key.key)
    .update(prevHash, 'utf8')
    .update('\n', 'utf8')
    .update(canonicalAuditEvent(event), 'utf8')
    .digest('hex');
}

/** A signature over any canonical text (checkpoints), with the chain's key and function. */
export function sign(key: AuditChainKey, purpose: string, text: string): string {
  return createHmac(key.alg, key.key).update(`${purpose}\n${text}`, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
