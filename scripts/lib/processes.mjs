import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const children = new Set();
let stopping = false;
let watcher = () => {};

/** Told the running children ([{ label, pid }…], oldest first) whenever one starts or exits. */
export function watchChildren(fn) {
  watcher = fn;
  fn([...children]);
}

/** Keeps a child until it exits, so stopAll() stops it (on cleanup, Ctrl-C or a kill). */
function own(child) {
  children.add(child);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.on('exit', () => {
    children.delete(child);
    watcher([...children]);
  });
  // The label is set by the caller after spawning: told on the next turn.
  process.nextTick(() => children.has(child) && watcher([...children]));
  return child;
}

/**
 * Runs a command to completion, output inherited; rejects on a non-zero exit. Stopped by stopAll()
 * like a long-running process: a script killed while jest runs must not leave jest running.
 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = own(spawn(cmd, args, { stdio: 'inherit', ...options }));
    // A Node script by its file (run-demo-seed.js, migrate.js), anything else by its command.
    child.label = cmd === process.execPath && args[0] ? basename(args[0]) : cmd;
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

/**
 * Starts a long-running process. Output goes to a log file and, with `echo` (true, or a predicate
 * on lines), to the console with a prefix. Every process started here is stopped by stopAll().
 */
export function startProcess(name, cmd, args, { env = process.env, logFile, echo = false, cwd } = {}) {
  const child = own(spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] }));
  child.label = name;
  let log;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    log = createWriteStream(logFile, { flags: 'a' });
  }
  const forward = (stream, out) =>
    stream.on('data', (chunk) => {
      log?.write(chunk);
      if (echo) {
        // `echo` may be a predicate choosing the lines worth showing (e.g. warnings and errors).
        for (const line of chunk.toString().split('\n'))
          if (line && (echo === true || echo(line))) out.write(`[${name}] ${line}\n`);
      }
    });
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on('exit', () => log?.end());
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
  stopping = true;
  for (const child of [...children].reverse()) await stopProcess(child);
}

/**
 * A process that is started again when it dies unexpectedly (as compose's `restart:` does), after
 * 1, 2, 4… up to 30 s. `current` is the running child; `onStart(child, supervised)` runs at every (re)start.
 */
export function superviseProcess(name, cmd, args, options = {}, onStart = () => {}) {
  const supervised = { name, restarts: 0, current: null };
  let delay = 1000;
  const launch = () => {
    const child = startProcess(name, cmd, args, options);
    const started = Date.now();
    supervised.current = child;
    onStart(child, supervised);
    child.exited.then(({ code, signal }) => {
      if (stopping || supervised.stopped) return;
      if (Date.now() - started > 60000) delay = 1000;
      console.log(`! ${name} exited (${code ?? signal}); starting it again in ${delay / 1000} s`);
      setTimeout(() => {
        if (stopping || supervised.stopped) return;
        supervised.restarts++;
        launch();
      }, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  supervised.stop = async (graceMs) => {
    supervised.stopped = true;
    await stopProcess(supervised.current, graceMs);
  };
  launch();
  return supervised;
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
