import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';
import { run } from './processes.mjs';

const SOURCES = [
  'apps/api/src',
  'apps/worker/src',
  'libs',
  'workflows',
  'activities',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];
const STAMP = join(DIST, '.build-stamp');
// The web UI has its own sources and stamp: a change to a page does not rebuild the server.
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.mts',
  'libs/domain/src',
  'package-lock.json',
];
const WEB_STAMP = join(ROOT, 'apps/web/dist/.build-stamp');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const fresh = (stamp, sources) =>
  existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...sources.map((s) => newest(join(ROOT, s))));

export function isBuilt() {
  return fresh(STAMP, SOURCES) && fresh(WEB_STAMP, WEB_SOURCES);
}

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** Compiles to dist/, resolves path aliases and builds the workflow bundle the worker loads. */
export async function build() {
  await buildServer();
  await buildWeb();
}

async function buildServer() {
  step('Building (TypeScript → dist/, workflow bundle)…');
  await run(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  await run(process.execPath, [join(DIST, 'apps/worker/src/build-bundle.js')], { cwd: ROOT });
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, new Date().toISOString());
  ok('built');
}

/** The React UI (Vite) into apps/web/dist, which the API serves on its own origin. */
async function buildWeb() {
  step('Building the web UI (Vite → apps/web/dist)…');
  await run(bin('vite'), ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
  });
  writeFileSync(WEB_STAMP, new Date().toISOString());
  ok('web UI built');
}

/** The server only (dist/), when its sources changed since the last build. */
export async function ensureServerBuilt() {
  if (!fresh(STAMP, SOURCES)) await buildServer();
}

export async function ensureBuilt() {
  if (!fresh(STAMP, SOURCES)) await buildServer();
  if (!fresh(WEB_STAMP, WEB_SOURCES)) await buildWeb();
}
