import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../dist/apps');

/** A built app (worker or api) in a process of its own, ready once its log says `readyText`. */
function startApp(
  app: 'worker' | 'api',
  env: Record<string, string>,
  readyText: string,
): { process: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [join(DIST, app, 'src/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes(readyText) && resolve());
    child.on('exit', (code) => reject(new Error(`${app} exited with ${code}`)));
  });
  // Its log beside the stack's (data/test/logs/), so a failed run can be read afterwards.
  const logs = process.env.TEST_DATA_DIR && join(process.env.TEST_DATA_DIR, 'logs');
  if (logs) {
    mkdirSync(logs, { recursive: true });
    const file = createWriteStream(join(logs, `${app}-${child.pid}.log`));
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  } else {
    child.stderr!.resume();
  }
  return { process: child, ready };
}

/** A worker process of its own, on its own task queue, for tests that stop and restart it. */
export function startWorker(
  taskQueue: string,
  env: Record<string, string> = {},
): { process: ChildProcess; ready: Promise<void> } {
  return startApp('worker', { ...env, TEMPORAL_TASK_QUEUE: taskQueue }, 'worker: polling');
}

/** An API process of its own on `port`, starting lifecycles on `taskQueue` (pair it with startWorker). */
export function startApi(
  port: number,
  taskQueue: string,
  env: Record<string, string> = {},
): { process: ChildProcess; ready: Promise<void> } {
  return startApp('api', { ...env, PORT: String(port), TEMPORAL_TASK_QUEUE: taskQueue }, 'api: listening');
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/**
 * Load average 25 on 2 cores, for one process: it runs ~2 ms, then waits 400 ms for the CPU. The
 * sandbox's isolateExecutionTimeout is wall-clock, so an activation that needs a few ms of CPU runs
 * past a timeout of 200 ms, as one needing 50 ms ran past the SDK's 5 s under that load.
 */
export function starve(child: ChildProcess): { stop: () => void } {
  let running = true;
  const signal = (s: NodeJS.Signals) => running && child.exitCode === null && child.kill(s);
  const cycle = () => {
    signal('SIGSTOP');
    setTimeout(() => {
      signal('SIGCONT');
      if (running) setTimeout(cycle, 2);
    }, 400);
  };
  cycle();
  return {
    stop: () => {
      signal('SIGCONT');
      running = false;
    },
  };
}
