import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATA, ROOT, TOOLS_BIN } from './paths.mjs';
import { quietBuild } from './quiet-build.mjs';
import { buildOnce } from './build-lock.mjs';

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

/** Where `go install` of a tool writes its output (data/logs/go-build-<tool>.log). */
export const goBuildLog = (name, logDir = join(DATA, 'logs')) => join(logDir, `go-build-${name}.log`);

/** `go install <pkg>@<version>` into `gobin`, its output in the tool's build log (see quietBuild). */
export function goInstall({ name, pkg, version, what, expected, gobin, logDir }) {
  const go = goBinary();
  if (!go) throw new Error(`${what} is built with Go, and there is no Go toolchain (https://go.dev/dl)`);
  return quietBuild(`${what} ${version}`, expected, go, ['install', '-v', `${pkg}@${version}`], {
    logFile: goBuildLog(name, logDir),
    env: { ...process.env, GOBIN: gobin, GOFLAGS: '-mod=mod' },
  });
}

/**
 * A Go command built from the module proxy into <binDir>/<name>-<version> (cached: built once per
 * version). `go install` names binaries after their folder ("server", "sql"), so each is built into
 * a scratch GOBIN and renamed. One process at a time builds it (buildOnce); the others use its build.
 */
export async function goTool({
  name,
  pkg,
  version,
  what,
  expected = 'a few minutes',
  binDir = TOOLS_BIN,
  logDir,
}) {
  const target = join(binDir, `${name}-${version}`);
  return buildOnce({
    dir: binDir,
    name: `${name}-${version}`,
    what: `${what} ${version}`,
    logFile: goBuildLog(name, logDir),
    built: () => (existsSync(target) ? target : null),
    build: async () => {
      const scratch = mkdtempSync(join(binDir, `.build-${name}-`));
      try {
        await goInstall({ name, pkg, version, what, expected, gobin: scratch, logDir });
        renameSync(join(scratch, pkg.split('/').pop()), target);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      return target;
    },
  });
}
