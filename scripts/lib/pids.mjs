// Whether a process recorded in a file (a run file, a build lock) still runs. A pid alone is not
// enough: after its process ends the pid can be given to another program, so the command line
// recorded with it must match too. Only Node built-ins: npm start reads it before installing.
import { readFileSync } from 'node:fs';

/** The command line of a running process, or null when there is none (Linux's /proc). */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return null;
  }
}

/** Whether `pid` still runs the command recorded for it (a pid taken by another program is not). */
export const stillRuns = (pid, command) => commandLine(pid) === command;
