import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** A worker process of its own, on its own task queue, for tests that stop and restart it. */
export function startWorker(taskQueue: string): { process: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, [join(__dirname, '../../dist/apps/worker/src/main.js')], {
    env: { ...process.env, TEMPORAL_TASK_QUEUE: taskQueue },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('worker: polling') && resolve());
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.stderr!.resume();
  return { process: child, ready };
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}
