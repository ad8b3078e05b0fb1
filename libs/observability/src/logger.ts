import pino, { DestinationStream, Logger } from 'pino';
import { currentLogContext } from './log-context';

export type { Logger } from 'pino';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * The one logger of every process: JSON lines on stdout with time, level, service and, inside a
 * request, its request id, actor and workflow id. `destination` is for tests.
 */
export function createLogger(service: string, level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentLogContext()?.fields() ?? {},
      serializers: { err: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ fd: 1, sync: true }),
  );
}

/**
 * Ends the process on an error it cannot go on with, saying why in one line a human reads first
 * (configuration problems one per line); the stack follows with LOG_LEVEL=debug. Used at start-up
 * before a logger exists and as the last resort of each main().
 */
export function exitWithError(service: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${service}: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/**
 * The entry of each process: loads the configuration (exiting with its problems named when it is
 * wrong), then runs `main`, exiting with the reason if it fails.
 */
export function runMain<C>(service: string, load: () => C, main: (config: C) => Promise<void>): void {
  let config: C;
  try {
    config = load();
  } catch (e) {
    exitWithError(service, e);
  }
  main(config).catch((e) => exitWithError(service, e));
}
