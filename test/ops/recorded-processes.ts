import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

// Processes standing for what a start records in its run file or a build in its lock
// (scripts/lib/run-file.mjs, build-lock.mjs): live ones with their command lines, dead pids.
const spawned: ChildProcess[] = [];

/** A process's command line as /proc shows it (and scripts/lib/pids.mjs reads it). */
export const commandLineOf = (pid: number) =>
  readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');

/** A long-running process standing for a start, a worker or an API, with its command line. */
export async function longRunning(
  argument = 'stands-for-a-child',
): Promise<{ child: ChildProcess; pid: number; command: string }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', argument]);
  spawned.push(child);
  await new Promise((r) => child.once('spawn', r));
  return { child, pid: child.pid!, command: commandLineOf(child.pid!) };
}

/** A pid that runs nothing any more: a start or a build that was killed. */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

export const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Kills what longRunning started and is still running (afterAll). */
export function killLongRunning(): void {
  for (const child of spawned) if (alive(child)) child.kill('SIGKILL');
}

/** A start that still runs, with one worker, as it records itself in `runFile`. */
export async function runningStart(runFile: string, workerName: string) {
  const first = await longRunning();
  const worker = await longRunning();
  writeFileSync(
    runFile,
    JSON.stringify({
      pid: first.pid,
      command: first.command,
      startedAt: '2026-12-07T01:53:00.000Z',
      children: [{ name: workerName, pid: worker.pid, command: worker.command }],
    }),
  );
  return { first, worker };
}
