// One build of a tool at a time. Two `npm test`/`npm start` at once, or several engineers sharing
// .tools/bin, would otherwise each build the same Go tool (minutes of both cores) into the same
// place. The first to come takes a lock file beside the tool, `.<name>.lock`, holding its pid and
// command line; the others wait for it and then use its build. A lock whose holder no longer runs
// (killed mid-build) is taken over; the wait is bounded.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createExclusive } from './exclusive-file.mjs';
import { join, relative } from 'node:path';
import { ROOT } from './paths.mjs';
import { step, warn } from './log.mjs';
import { commandLine, stillRuns } from './pids.mjs';
import { progressLine } from './quiet-build.mjs';

/** The longest first build measured is 11 minutes on 2 cores; several at once on one machine, more. */
const WAIT_MS = 45 * 60_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const shown = (path) => (relative(ROOT, path).startsWith('..') ? path : relative(ROOT, path));

/**
 * The lock's holder as recorded ({ pid, command, token, startedAt, logFile }), or null when there is
 * none. Unreadable content (a file made by hand) reads as {}: a holder that runs nothing, taken over.
 */
function holderOf(lockFile) {
  let text;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Creates `lockFile` for this process (atomically, whole), or answers null when it exists. */
function tryLock(lockFile, logFile) {
  const holder = {
    pid: process.pid,
    command: commandLine(process.pid),
    token: randomUUID(),
    startedAt: new Date().toISOString(),
    logFile,
  };
  return createExclusive(lockFile, `${JSON.stringify(holder)}\n`) ? holder : null;
}

/** Removes `lockFile` if `holder` still holds it. */
function unlock(lockFile, holder) {
  if (holderOf(lockFile)?.token === holder.token) rmSync(lockFile, { force: true });
}

/** Locks this process holds, released at its exit too (Ctrl-C ends a start with process.exit). */
const held = new Map();
process.once('exit', () => held.forEach((holder, lockFile) => unlock(lockFile, holder)));

/**
 * Removes the lock of `stale`, a holder that no longer runs, under a second lock: two waiters that
 * both read the same stale lock must not both remove "it", the second removing the lock the first
 * one has just taken.
 */
function takeOver(lockFile, stale) {
  const guardFile = `${lockFile}.takeover`;
  const guard = tryLock(guardFile);
  if (!guard) {
    // Another waiter is at it (a few file operations). Its guard outlives it only if it died in
    // between; removing that one is racy, but needs a second death in the same milliseconds.
    const other = holderOf(guardFile);
    if (other && !stillRuns(other.pid, other.command)) rmSync(guardFile, { force: true });
    return;
  }
  try {
    unlock(lockFile, stale);
  } finally {
    unlock(guardFile, guard);
  }
}

/**
 * `built()` (a path, or null when not built yet), else `build()` once among every process using
 * `dir`: the first takes `<dir>/.<name>.lock` and builds; the others say whose build they wait for
 * (pid, command, log), wait, and answer `built()` once it has one. A lock whose holder no longer
 * runs is taken over; when the holder failed, the next waiter builds. After `waitMs` the wait fails,
 * naming the holder and how to stop it.
 */
export async function buildOnce({ dir, name, what, logFile, built, build, waitMs = WAIT_MS, pollMs = 1000 }) {
  const ready = await built();
  if (ready) return ready;
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, `.${name}.lock`);
  const deadline = Date.now() + waitMs;
  let waiting = null;
  try {
    for (;;) {
      const mine = tryLock(lockFile, logFile);
      if (mine) {
        waiting?.progress.stop();
        waiting = null;
        held.set(lockFile, mine);
        try {
          // The holder waited for may have finished just now.
          return (await built()) ?? (await build());
        } finally {
          held.delete(lockFile);
          unlock(lockFile, mine);
        }
      }
      const holder = holderOf(lockFile);
      if (!holder) continue; // released in between
      if (!stillRuns(holder.pid, holder.command)) {
        waiting?.progress.stop();
        warn(`pid ${holder.pid} stopped while building ${what}; taking its lock over (${shown(lockFile)})`);
        waiting = null;
        takeOver(lockFile, holder);
        continue;
      }
      if (waiting?.token !== holder.token) {
        waiting?.progress.stop();
        step(
          `Waiting for ${what}: pid ${holder.pid} (${holder.command}) builds it since ${holder.startedAt}` +
            `${holder.logFile ? `, log ${shown(holder.logFile)}` : ''}; this one then uses its build`,
        );
        waiting = { token: holder.token, progress: progressLine(`waiting for ${what}`) };
      }
      if (Date.now() >= deadline) {
        const bound = waitMs >= 60_000 ? `${Math.round(waitMs / 60_000)} min` : `${waitMs / 1000} s`;
        throw new Error(
          `gave up after ${bound} waiting for pid ${holder.pid} ` +
            `(${holder.command}) to build ${what}. If it is stuck, stop it (kill ${holder.pid}): ` +
            `its lock ${shown(lockFile)} is then taken over`,
        );
      }
      await sleep(pollMs);
      const done = await built();
      if (done) return done;
    }
  } finally {
    waiting?.progress.stop();
  }
}
