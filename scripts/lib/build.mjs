import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';
import { run } from './processes.mjs';

const SOURCES = [
  'apps/api/src',
  'apps/worker/src',
  'apps/gateway/src',
  'libs',
  'workflows',
  'activities',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];
const STAMP = join(DIST, '.build-stamp');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

export function isBuilt() {
  return (
    existsSync(STAMP) && statSync(STAMP).mtimeMs >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))))
  );
}

/** Compiles to dist/, resolves path aliases and builds the workflow bundle the worker loads. */
export async function build() {
  const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
  step('Building (TypeScript → dist/, workflow bundle)…');
  await run(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  await run(process.execPath, [join(DIST, 'apps/worker/src/build-bundle.js')], { cwd: ROOT });
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, new Date().toISOString());
  ok('built');
}

export async function ensureBuilt() {
  if (isBuilt()) return;
  await build();
}
