import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
    AUDIT_CHECKPOINT_DIR: env.AUDIT_CHECKPOINT_DIR ?? join(dir, 'audit-checkpoints'),
  };
}
