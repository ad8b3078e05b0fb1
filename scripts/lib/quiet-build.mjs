import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ROOT } from './paths.mjs';
import { ok, step } from './log.mjs';

/** Off a terminal (CI, a pipe), one progress line every this many seconds. */
const PIPE_INTERVAL_SECONDS = 15;

/**
 * ONE line with the seconds since now (`  … <label>: 12 s`): rewritten in place on a terminal,
 * repeated every 15 s otherwise. stop() clears it and answers the seconds.
 */
export function progressLine(label) {
  const tty = process.stdout.isTTY;
  const started = Date.now();
  const elapsed = () => Math.round((Date.now() - started) / 1000);
  const line = () => `  … ${label}: ${elapsed()} s`;
  const timer = setInterval(
    () => (tty ? process.stdout.write(`\r${line()}`) : console.log(line())),
    tty ? 1000 : PIPE_INTERVAL_SECONDS * 1000,
  );
  return {
    stop() {
      clearInterval(timer);
      if (tty) process.stdout.write('\r\x1b[K');
      return elapsed();
    },
  };
}

/**
 * Runs a long build with its output in `logFile`, not on the terminal (a Go build prints thousands
 * of package names). Says up front how long it usually takes, then keeps ONE progress line with the
 * elapsed time: rewritten in place on a terminal, repeated every 15 s otherwise. Rejects on a
 * non-zero exit, pointing at the log.
 */
export function quietBuild(what, expected, cmd, args, { logFile, env, cwd = ROOT }) {
  mkdirSync(dirname(logFile), { recursive: true });
  const shownLog = relative(ROOT, logFile).startsWith('..') ? logFile : relative(ROOT, logFile);
  step(`Building ${what} (first time only; usually ${expected}). Log: ${shownLog}`);
  const progress = progressLine(what);
  const fd = openSync(logFile, 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
    const done = (error) => {
      const seconds = progress.stop();
      closeSync(fd);
      if (error) return reject(error);
      ok(`${what} built in ${seconds} s`);
      resolve();
    };
    child.on('error', done);
    child.on('exit', (code, signal) =>
      done(code === 0 ? null : new Error(`building ${what} failed (${code ?? signal}); see ${shownLog}`)),
    );
  });
}
