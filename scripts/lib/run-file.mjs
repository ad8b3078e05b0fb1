// data/npm-start.json (data/cluster/start-cluster.json for the cluster profile): which start runs
// on this data folder and the processes it started, so the next start knows. A start killed
// outright (kill -9, a closed terminal, a crash) leaves its Temporal server, workers and APIs (and
// the cluster's nginx and UI server) running: the next `npm start` then "reused" that Temporal
// server, its own API failed on the taken port while the old one answered the health check, and
// two workers polled. Only Node built-ins: it runs before anything else.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExclusive } from './exclusive-file.mjs';
import { fail, warn } from './log.mjs';
import { commandLine, stillRuns } from './pids.mjs';

/** The two starts that keep a run file: its name in the data folder, and what the user typed. */
export const START = { file: 'npm-start.json', what: 'npm start' };
export const START_CLUSTER = { file: 'start-cluster.json', what: 'npm run start:cluster' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stop(pid, command, graceMs, [first, last] = ['SIGTERM', 'SIGKILL']) {
  try {
    process.kill(pid, first);
  } catch {
    return;
  }
  for (const until = Date.now() + graceMs; Date.now() < until; await sleep(100))
    if (!stillRuns(pid, command)) return;
  try {
    process.kill(pid, last);
  } catch {
    // gone in between
  }
  while (stillRuns(pid, command)) await sleep(50);
}

/**
 * The embedded PostgreSQL of data/pg (no local server): the library starts it, not this script, so
 * only its postmaster.pid names it. Left running, the next start could not start it again.
 */
function embeddedPostgres(dataDir) {
  const pgDir = join(dataDir, 'pg');
  try {
    const [pid, dir] = readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
    const command = commandLine(Number(pid));
    return dir === pgDir && command?.includes(pgDir) ? { pid: Number(pid), command } : null;
  } catch {
    return null;
  }
}

/**
 * Before a start (`kind`, START by default) on `dataDir`: refuses when the recorded one still runs
 * (Error naming its pid), else stops the processes a killed one left (SIGTERM, SIGKILL after
 * `graceMs`), newest first, and answers them as [{ name, pid }].
 */
export async function reclaimRun(dataDir, { graceMs = 15_000, kind = START } = {}) {
  const path = join(dataDir, kind.file);
  if (!existsSync(path)) return [];
  let run;
  try {
    run = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    rmSync(path, { force: true });
    return [];
  }
  if (run.pid !== process.pid && stillRuns(run.pid, run.command)) {
    throw new Error(
      `${kind.what} already runs on ${dataDir} (pid ${run.pid}, since ${run.startedAt}). ` +
        `Stop it first: Ctrl-C in its terminal, or kill -INT ${run.pid}.`,
    );
  }
  const left = (run.children ?? []).filter((c) => stillRuns(c.pid, c.command));
  for (const child of [...left].reverse()) await stop(child.pid, child.command, graceMs);
  const postgres = embeddedPostgres(dataDir);
  if (postgres) {
    // SIGINT is PostgreSQL's fast shutdown; SIGQUIT, its immediate one, recovers from the WAL.
    await stop(postgres.pid, postgres.command, graceMs, ['SIGINT', 'SIGQUIT']);
    left.push({ name: 'postgres', pid: postgres.pid });
  }
  rmSync(path, { force: true });
  return left.map(({ name, pid }) => ({ name, pid }));
}

/**
 * The first thing a start (`kind`) does: refuses (exit 1) while another runs on `dataDir`, stops
 * what a killed one left, saying so, and records this one. The record is created only where none
 * is: another start may record itself between this one's look and its record, and is then found
 * running by the next look.
 */
export async function claimRun(dataDir, kind) {
  mkdirSync(dataDir, { recursive: true });
  for (let look = 1; ; look++) {
    try {
      const left = await reclaimRun(dataDir, { kind });
      if (left.length)
        warn(
          `stopped what an ${kind.what} that was killed left running: ${left.map((c) => `${c.name} (pid ${c.pid})`).join(', ')}`,
        );
      if (createExclusive(join(dataDir, kind.file), runRecord([]))) return;
      // A start that has died since it recorded itself is cleared by the next look; one that keeps
      // recording itself anew is not another start's doing.
      if (look === 3) throw new Error(`${join(dataDir, kind.file)} keeps coming back; remove it by hand`);
    } catch (e) {
      fail(e.message);
      process.exit(1);
    }
  }
}

/** This start and the processes it runs, as its run file holds them. */
function runRecord(children) {
  const run = {
    pid: process.pid,
    command: commandLine(process.pid),
    startedAt: (runRecord.startedAt ??= new Date().toISOString()),
    children: children
      .filter((c) => c.pid)
      .map((c) => ({ name: c.label, pid: c.pid, command: commandLine(c.pid) }))
      .filter((c) => c.command),
  };
  return `${JSON.stringify(run, null, 2)}\n`;
}

/** Records, at each change, the processes this start runs (`children`: [{ label, pid }]). */
export function recordRun(dataDir, children = [], kind = START) {
  writeFileSync(join(dataDir, kind.file), runRecord(children));
}

/** After a clean stop: nothing of this start runs any more. */
export function forgetRun(dataDir, kind = START) {
  const path = join(dataDir, kind.file);
  try {
    if (JSON.parse(readFileSync(path, 'utf8')).pid === process.pid) rmSync(path, { force: true });
  } catch {
    // none, or not ours
  }
}
