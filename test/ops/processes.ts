import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freeLocalPort } from '../../apps/worker/src/ops-server';

const DIST = join(__dirname, '../../dist');
const ENTRY = {
  api: 'apps/api/src/main.js',
  worker: 'apps/worker/src/main.js',
  migrate: 'libs/persistence/src/migrate.js',
};

/** A process of ours started by a test, with its JSON log lines and its stderr collected. */
export interface Spawned {
  child: ChildProcess;
  lines: any[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first log line that matches, waiting up to `ms`. */
  line(match: (line: any) => boolean, ms?: number): Promise<any>;
}

const started: Spawned[] = [];

/** Starts dist/apps/<kind> with the test stack's environment plus `env`. */
export function spawnApp(kind: keyof typeof ENTRY, env: Record<string, string | undefined>): Spawned {
  const child = spawn(process.execPath, [join(DIST, ENTRY[kind])], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: any[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.on('data', (chunk) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop()!;
    for (const part of parts) if (part.startsWith('{')) lines.push(JSON.parse(part));
  });
  child.stderr!.on('data', (chunk) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const spawned: Spawned = {
    child,
    lines,
    stderr: () => stderr,
    exited,
    async line(match, ms = 30_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`no such log line from ${kind}; stderr: ${stderr}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  started.push(spawned);
  return spawned;
}

/** Kills whatever a test file started and left running. */
export async function killAll(): Promise<void> {
  for (const s of started)
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await Promise.all(started.map((s) => s.exited));
  started.length = 0;
}

/** A free local port (the worker's own helper). */
export const freePort = freeLocalPort;

export async function waitUntil(probe: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
