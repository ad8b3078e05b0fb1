import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';
import { run } from './processes.mjs';
import { isFresh, writeStamp } from './build-stamp.mjs';

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

const fresh = (stamp, sources) => isFresh(stamp, sources, ROOT);

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
  const started = Date.now();
  step('Building (TypeScript → dist/, workflow bundle)…');
  await run(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  await run(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: ROOT });
  await run(process.execPath, [join(DIST, 'apps/worker/src/build-bundle.js')], { cwd: ROOT });
  mkdirSync(DIST, { recursive: true });
  writeStamp(STAMP, started);
  ok('built');
}

/** The React UI (Vite) into apps/web/dist, which the API serves on its own origin. */
async function buildWeb() {
  const started = Date.now();
  step('Building the web UI (Vite → apps/web/dist)…');
  await run(bin('vite'), ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
  });
  writeStamp(WEB_STAMP, started);
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
