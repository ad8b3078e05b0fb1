import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const checkpointFolder = (dir, env) => env.AUDIT_CHECKPOINT_DIR ?? join(dir, 'audit-checkpoints');

/**
 * The audit chain's key and checkpoint folder of a stack (issue 20.2): the operator's
 * AUDIT_HMAC_KEY when set, else one generated once into `<dir>/audit-hmac.key` (0600) and kept —
 * a new key would break the chain's verification. Checkpoints go to `<dir>/audit-checkpoints`.
 */
export function auditEnv(dir, env = process.env) {
  const file = join(dir, 'audit-hmac.key');
  let key = env.AUDIT_HMAC_KEY;
  if (!key) {
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
    }
    key = readFileSync(file, 'utf8').trim();
  }
  return {
    AUDIT_HMAC_KEY: key,
    AUDIT_CHECKPOINT_DIR: checkpointFolder(dir, env),
  };
}

/**
 * Sets the checkpoints of a dropped database aside (`audit-checkpoints.dropped-<time>`): they sign
 * its chain, not the new one's, which starts again at 1 — kept, the checkpoint writer met a head
 * below the last signed one and reported the new chain broken (head_mismatch) on every start.
 * Answers where they went, or null when there were none.
 */
export function retireCheckpoints(dir, env = process.env) {
  const folder = checkpointFolder(dir, env);
  if (!existsSync(folder)) return null;
  const aside = `${folder}.dropped-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(folder, aside);
  return aside;
}
