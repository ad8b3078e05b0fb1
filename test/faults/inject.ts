import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { API_URL } from '../support/api';

// The faults the stack of scripts/test-faults.mjs can take. Its supervisor starts the worker and
// the Temporal dev server again when they die (on the same database file); the private PostgreSQL
// server (never the shared one) is stopped and started here with pg_ctl.

/** When a fault was injected and when the broken part answered again. */
export interface Injection {
  fault: string;
  injectedAt: number;
  /** The broken part answers again (process ready, server accepting connections). */
  upAt: number;
  /** The API's health answers 200 again (Temporal and PostgreSQL both reachable). */
  healthyAt: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pidOf = (name: string): number =>
  JSON.parse(readFileSync(process.env.FAULTS_STATE_FILE!, 'utf8'))[name].pid;

async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return Date.now();
    if (Date.now() > deadline) throw new Error(`${what}: not back after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

const answers = (url: string) => async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;

async function exited(pid: number): Promise<void> {
  await until(async () => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  }, `process ${pid} to exit`);
}

async function inject(
  fault: string,
  act: () => Promise<void>,
  up: () => Promise<boolean>,
): Promise<Injection> {
  const injectedAt = Date.now();
  await act();
  const upAt = await until(up, fault);
  const healthyAt = await until(answers(`${API_URL}/api/health`), `${fault}: API health`);
  return { fault, injectedAt, upAt, healthyAt };
}

/** SIGKILL the worker: no drain, its workflow and activity tasks are lost mid-flight. */
export function killWorker(): Promise<Injection> {
  const pid = pidOf('worker');
  return inject(
    'worker SIGKILL',
    async () => {
      process.kill(pid, 'SIGKILL');
      await exited(pid);
    },
    async () => pidOf('worker') !== pid && (await answers(process.env.FAULTS_WORKER_READY_URL!)()),
  );
}

/**
 * Stops the Temporal server (SIGTERM): the dev server, or the cluster profile's server; the
 * supervisor starts it again on the same database.
 */
export function restartTemporal(): Promise<Injection> {
  const pid = pidOf('temporal');
  const cli = process.env.TEMPORAL_CLI!;
  const address = process.env.TEMPORAL_ADDRESS!;
  return inject(
    'Temporal server restart',
    async () => {
      process.kill(pid, 'SIGTERM');
      await exited(pid);
    },
    async () => {
      if (pidOf('temporal') === pid) return false;
      execFileSync(cli, ['operator', 'cluster', 'health', '--address', address], { stdio: 'ignore' });
      return true;
    },
  );
}

/**
 * Restarts the private PostgreSQL server: an immediate shutdown (every backend killed, as in a
 * crash; the start replays the WAL), `downMs` down, then started again with its own settings.
 */
export function restartPostgres(downMs = 3000): Promise<Injection> {
  const [cmd, ...prefix] = JSON.parse(process.env.FAULTS_PG_CTL!) as string[];
  const pgCtl = (...args: string[]) =>
    execFileSync(cmd, [...prefix, ...args, '-D', process.env.FAULTS_PG_DATA!], { stdio: 'ignore' });
  return inject(
    'PostgreSQL restart (immediate)',
    async () => {
      pgCtl('stop', '-m', 'immediate', '-w');
      await sleep(downMs);
      pgCtl('start', '-l', process.env.FAULTS_PG_LOG!, '-w', '-t', '60');
    },
    async () => {
      pgCtl('status');
      return true;
    },
  );
}
