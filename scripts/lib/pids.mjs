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

/** Whether a process `pid` exists (signal 0 checks without sending anything). */
function exists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM'; // someone else's
  }
}

/**
 * Whether `pid` still runs the command recorded for it (a pid taken by another program is not).
 * nginx renames itself `nginx: master process <its command line>` once started, so a recorded
 * command may stand at the end. Without a recorded command (no /proc), the pid alone.
 */
export function stillRuns(pid, command) {
  if (command == null) return exists(pid);
  const current = commandLine(pid);
  return current === command || !!current?.endsWith(` ${command}`);
}
