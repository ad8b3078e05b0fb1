import { readFileSync } from 'node:fs';
import { db } from '../test/support/db';

/** CPU seconds used so far by each of the stack's processes (by role and pid), and by the whole machine. */
export interface CpuSnapshot {
  wall: number;
  machineBusy: number;
  machineTotal: number;
  processes: Record<string, Record<number, number>>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone since (a restarted process starts again from zero)
  }
}

function machineSeconds(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/**
 * The worker, API and Temporal server processes scripts/bench.mjs started, and the PostgreSQL
 * backends serving this database (the server is shared; its other backends are not ours).
 */
export async function cpuSnapshot(): Promise<CpuSnapshot> {
  const pids: Record<string, number[]> = JSON.parse(process.env.BENCH_PIDS ?? '{}');
  const { rows } = await db().query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const roles: Record<string, number[]> = { ...pids, postgres: rows.map((r: { pid: number }) => r.pid) };
  const machine = machineSeconds();
  const processes = Object.fromEntries(
    Object.entries(roles).map(([role, list]) => [
      role,
      Object.fromEntries(list.map((pid) => [pid, processSeconds(pid)])),
    ]),
  );
  return { wall: Date.now() / 1000, machineBusy: machine.busy, machineTotal: machine.total, processes };
}

/** CPU seconds each role used between two snapshots, and how busy the machine was (all of it). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const round = (n: number) => Math.round(n * 10) / 10;
  const used: Record<string, number> = { wallSeconds: round(after.wall - before.wall) };
  // Per process: one that started during the phase (a new connection's backend) counts from zero.
  for (const [role, byPid] of Object.entries(after.processes)) {
    const seconds = Object.entries(byPid).map(([pid, s]) => s - (before.processes[role]?.[Number(pid)] ?? 0));
    used[`${role}CpuSeconds`] = round(seconds.reduce((a, b) => a + b, 0));
  }
  const total = after.machineTotal - before.machineTotal;
  used.machineBusyPercent = Math.round(((after.machineBusy - before.machineBusy) / total) * 100);
  return used;
}
