import { Cast } from '../test/support/cast';
import { driveToGraduation, driveToSupporting, inParallel, stats } from '../test/support/retrying-driver';

/** What driving lifecycles through the API took: every completion request's time, and the wall clock. */
export interface DriveRun {
  lifecycles: number;
  concurrency: number;
  completions: number;
  completionMs: number[];
  seconds: number;
  retries: number;
  /** Retried requests by what made them retry: a status (`503`), `TIMEOUT` (no answer in 8 s), an error code. */
  retriedBecause: Record<string, number>;
}

/**
 * Drives every cast through the HTTP API (as officers and enterprises do: find the task in the
 * inbox, complete it), `concurrency` lifecycles at a time, to graduation or to supporting.
 */
export async function driveLifecycles(
  casts: Cast[],
  concurrency: number,
  to: 'graduated' | 'supporting',
): Promise<DriveRun> {
  stats.completionMs = [];
  stats.retries = 0;
  stats.retriedBecause = {};
  const started = Date.now();
  await inParallel(casts, concurrency, (cast) =>
    to === 'graduated' ? driveToGraduation(cast, '2026Q3') : driveToSupporting(cast),
  );
  const seconds = (Date.now() - started) / 1000;
  return {
    lifecycles: casts.length,
    concurrency,
    completions: stats.completionMs.length,
    completionMs: [...stats.completionMs],
    seconds,
    retries: stats.retries,
    retriedBecause: { ...stats.retriedBecause },
  };
}
