import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { latestCheckpoint, SignedCheckpoint } from './checkpoint';
import type { AuditChainKey } from './keyed-hash';

/**
 * The checkpoint store: one JSON line per checkpoint, appended (O_APPEND: API replicas writing at
 * once never interleave a line), in a directory outside the database. In production mount it where
 * the database's administrators cannot write, or make the file append-only (`chattr +a`).
 */
export class CheckpointFile {
  readonly path: string;

  constructor(
    dir: string,
    private readonly key: AuditChainKey,
  ) {
    this.path = join(dir, 'audit-checkpoints.jsonl');
  }

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    await mkdir(join(this.path, '..'), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(checkpoint)}\n`, { flag: 'a', mode: 0o640 });
  }

  /** The last validly signed checkpoint, or null when none was written yet. */
  async latest(): Promise<SignedCheckpoint | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return latestCheckpoint(this.key, text.split('\n').filter(Boolean));
  }
}
