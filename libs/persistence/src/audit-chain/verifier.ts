import type { ChainedEvent } from './canonical';
import { AuditChainKey, chainHash, LEGACY_ROW_ALG, sameDigest } from './keyed-hash';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainBreakReason =
  'missing_row' | 'content_changed' | 'link_broken' | 'head_mismatch' | 'checkpoint_mismatch';

/** A row as stored, with the plain digest PostgreSQL recomputes for the legacy prefix. */
export interface StoredAuditRow extends ChainedEvent {
  prevHash: string;
  hash: string;
  /** sha256 of the row as migration 1764400000000 chained it; only asked for rows ≤ legacyThrough. */
  legacyDigest: string | null;
}

/** What a signed checkpoint vouches for: the chain had `seq` rows, the last with `hash`. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBrokenAt: number | null;
  reason: ChainBreakReason | null;
}

/**
 * Walks the chain in seq order, a batch at a time, and keeps the first position where it no longer
 * holds: a gap (deleted rows), a row whose keyed hash does not match its content (edited — also
 * when someone recomputed plain hashes, for only the key makes a keyed one), a row not linked to
 * its predecessor, a row at the checkpoint's position that is not the one the checkpoint signed.
 * Rows up to `legacyThrough` were chained before the key existed: their plain sha256 is checked.
 */
export class ChainVerifier {
  private checked = 0;
  private lastSeq = 0;
  private lastHash = GENESIS_HASH;
  private broken: { at: number; reason: ChainBreakReason } | null = null;

  /**
   * `from`: where the walk starts — the genesis, or a checkpoint already verified (the checkpoint
   * writer checks only the rows since its last one).
   */
  constructor(
    private readonly key: AuditChainKey,
    private readonly legacyThrough: number,
    private readonly checkpoint: ChainAnchor | null,
    from: ChainAnchor = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.lastSeq = from.seq;
    this.lastHash = from.hash;
  }

  push(row: StoredAuditRow): void {
    this.checked++;
    if (this.broken) return;
    const reason = this.problemOf(row);
    if (reason) this.broken = { at: reason === 'missing_row' ? this.lastSeq + 1 : row.seq, reason };
    this.lastSeq = row.seq;
    this.lastHash = row.hash;
  }

  private problemOf(row: StoredAuditRow): ChainBreakReason | null {
    if (row.seq !== this.lastSeq + 1) return 'missing_row';
    if (!this.hashHolds(row)) return 'content_changed';
    if (row.prevHash !== this.lastHash) return 'link_broken';
    if (this.checkpoint && row.seq === this.checkpoint.seq && row.hash !== this.checkpoint.hash) {
      return 'checkpoint_mismatch';
    }
    return null;
  }

  private hashHolds(row: StoredAuditRow): boolean {
    if (row.seq <= this.legacyThrough) {
      return row.hashAlg === LEGACY_ROW_ALG && row.legacyDigest !== null && row.legacyDigest === row.hash;
    }
    return sameDigest(chainHash(this.key, row.prevHash, row), row.hash);
  }

  /**
   * The verdict, once every row was pushed: also rows missing at the end — fewer than the signed
   * checkpoint counted (truncation, a deleted tail), or than the head table says.
   */
  finish(head: ChainAnchor): ChainCheck {
    let broken = this.broken;
    if (!broken && this.checkpoint && this.lastSeq < this.checkpoint.seq) {
      broken = { at: this.lastSeq + 1, reason: 'missing_row' };
    }
    if (!broken && head.seq > this.lastSeq) broken = { at: this.lastSeq + 1, reason: 'missing_row' };
    if (!broken && this.lastSeq > 0 && (head.seq < this.lastSeq || head.hash !== this.lastHash)) {
      broken = { at: this.lastSeq, reason: 'head_mismatch' };
    }
    return {
      ok: broken === null,
      checked: this.checked,
      firstBrokenAt: broken?.at ?? null,
      reason: broken?.reason ?? null,
    };
  }
}
