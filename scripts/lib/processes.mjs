import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Runs a command to completion, output inherited; rejects on a non-zero exit. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

const children = new Set();

/**
 * Starts a long-running process. Output goes to a log file and, with `echo`, to the console with a
 * prefix. Every process started here is stopped by stopAll().
 */
export function startProcess(name, cmd, args, { env = process.env, logFile, echo = false, cwd } = {}) {
  const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.label = name;
  children.add(child);
  let log;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    log = createWriteStream(logFile, { flags: 'a' });
  }
  const forward = (stream, out) =>
    stream.on('data', (chunk) => {
      log?.write(chunk);
      if (echo) {
        for (const line of chunk.toString().split('\n')) if (line) out.write(`[${name}] ${line}\n`);
      }
    });
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('exit', () => {
    children.delete(child);
    log?.end();
  });
  return child;
}

/** Stops one process: SIGTERM, then SIGKILL after the grace period. */
export async function stopProcess(child, graceMs = 15000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Stops everything started here, newest first (API and worker before the servers they need). */
export async function stopAll() {
  for (const child of [...children].reverse()) await stopProcess(child);
}

export async function waitFor(what, probe, { timeoutMs = 60000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError.message}` : ''}`);
}
