import { existsSync, readFileSync } from 'node:fs';

/** Resident set size of a process in MB, from /proc (Linux); null when it is gone or unreadable. */
export function rssMb(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Math.round(Number(kb[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * The stack's processes now: scripts/bench.mjs passes their pids; on the cluster profile the state
 * file has the current ones (a process restarted by its supervisor has a new pid).
 */
export function stackRss(): { workerRssMb: (number | null)[]; apiRssMb: (number | null)[] } {
  let pids: { workers: number[]; apis: number[] } = JSON.parse(
    process.env.BENCH_PIDS ?? '{"workers":[],"apis":[]}',
  );
  const stateFile = process.env.BENCH_STATE_FILE;
  if (stateFile && existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8'));
    pids = {
      workers: state.workers.map((w: { pid: number }) => w.pid),
      apis: state.apis.map((a: { pid: number }) => a.pid),
    };
  }
  return { workerRssMb: pids.workers.map(rssMb), apiRssMb: pids.apis.map(rssMb) };
}
