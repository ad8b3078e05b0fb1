import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TOOLS_BIN } from './paths.mjs';
import { ok, step } from './log.mjs';
import { run } from './processes.mjs';

/** Go from PATH or /usr/local/go/bin; null when there is none. */
export function goBinary() {
  if (spawnSync('go', ['version']).status === 0) return 'go';
  const local = '/usr/local/go/bin/go';
  return existsSync(local) ? local : null;
}

/** Where Go keeps downloaded modules (schema files of the Temporal server live there). */
export function goModuleDir(module, version) {
  const go = goBinary();
  if (!go) throw new Error('Go is needed (https://go.dev/dl, or /usr/local/go)');
  const r = spawnSync(go, ['mod', 'download', '-json', `${module}@${version}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod' },
  });
  if (r.status !== 0) throw new Error(`go mod download ${module}@${version} failed: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout).Dir;
}

/**
 * A Go command built from the module proxy into .tools/bin/<name>-<version> (cached: built once per
 * version). `go install` names binaries after their folder ("server", "sql"), so each is built into
 * a scratch GOBIN and renamed.
 */
export async function goTool({ name, pkg, version, what }) {
  const target = join(TOOLS_BIN, `${name}-${version}`);
  if (existsSync(target)) return target;
  const go = goBinary();
  if (!go) throw new Error(`${what} is built with Go, and there is no Go toolchain (https://go.dev/dl)`);
  mkdirSync(TOOLS_BIN, { recursive: true });
  const scratch = mkdtempSync(join(TOOLS_BIN, `.build-${name}-`));
  step(`Building ${what} ${version} with Go into .tools/bin (first time only; a few minutes)…`);
  const started = Date.now();
  try {
    await run(go, ['install', `${pkg}@${version}`], {
      cwd: ROOT,
      env: { ...process.env, GOBIN: scratch, GOFLAGS: '-mod=mod' },
    });
    renameSync(join(scratch, pkg.split('/').pop()), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  ok(`${what} ${version} built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}
