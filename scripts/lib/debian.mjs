import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ok, step } from './log.mjs';

/**
 * The path of `command`, installing Debian's `pkg` with apt-get when it is missing (as root, or
 * with sudo when that needs no password). Throws with the manual step when neither can.
 */
export function ensureDebianCommand(command, pkg, { paths = [] } = {}) {
  const found = () =>
    paths.find((p) => existsSync(p)) ??
    (spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || null);
  const existing = found();
  if (existing) return existing;
  const root = process.getuid?.() === 0;
  const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (!root && !sudo)
    throw new Error(`${command} is needed: install it with \`sudo apt-get install ${pkg}\``);
  const apt = (...args) => {
    const [cmd, argv] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
    const r = spawnSync(cmd, argv, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${r.stderr || r.stdout}`);
  };
  step(`Installing Debian's ${pkg} (for ${command}) with apt-get…`);
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', pkg);
  const installed = found();
  if (!installed) throw new Error(`apt-get installed ${pkg}, yet there is no ${command}`);
  ok(`${pkg} installed: ${installed}`);
  return installed;
}
