import type { FloorRun } from './floor';
import type { DriveRun } from './lifecycles';
import type { BenchResults } from './report';
import { timeoutRetries } from './report';
import { distribution } from './stats';

/** What `measureInbox` and `seedInbox` answer (bench/inbox.ts, bench/inbox-seed.ts). */
interface InboxRun {
  samplesMs: number[];
  meMs: number[];
  inboxTotal: number;
  plans: { sql: string; plan: string }[];
}

/** The round-trip phase's figures: one client's completions against one client's bare Updates. */
export function roundTripFigures(run: DriveRun, floor: FloorRun): NonNullable<BenchResults['taskRoundTrip']> {
  const t = distribution(run.completionMs);
  const bare = distribution(floor.sequentialMs);
  return {
    p50: t.p50,
    p90: t.p90,
    p99: t.p99,
    max: t.max,
    count: t.count,
    bareUpdateP50: bare.p50,
    bareUpdateP90: bare.p90,
    bareUpdateP99: bare.p99,
    bareUpdateMax: bare.max,
    bareUpdateCount: bare.count,
  };
}

/** The throughput phase's figures: completions under load against bare Updates under as many clients. */
export function throughputFigures(run: DriveRun, floor: FloorRun): NonNullable<BenchResults['throughput']> {
  const load = distribution(run.completionMs);
  const bare = distribution(floor.concurrentMs);
  return {
    tasksPerSec: Math.round((run.completions / run.seconds) * 10) / 10,
    lifecycles: run.lifecycles,
    concurrency: run.concurrency,
    seconds: Math.round(run.seconds * 10) / 10,
    completions: run.completions,
    retries: run.retries,
    retriedBecause: run.retriedBecause,
    timeoutRetries: timeoutRetries(run.retriedBecause),
    p50: load.p50,
    p90: load.p90,
    p99: load.p99,
    max: load.max,
    bareUpdatesPerSec: Math.round(floor.updatesPerSec * 10) / 10,
    bareUpdateConcurrency: floor.concurrency,
    bareUpdates: bare.count,
    bareP50: bare.p50,
    bareP90: bare.p90,
    bareP99: bare.p99,
    bareMax: bare.max,
  };
}

/** The inbox phase's figures: the inbox's p99 against `GET /api/me`'s, at the rows seeded. */
export function inboxFigures(
  run: InboxRun,
  seeded: { tasks: number; seconds: number },
): NonNullable<BenchResults['inbox']> {
  const inbox = distribution(run.samplesMs);
  const me = distribution(run.meMs);
  return {
    p50Ms: inbox.p50,
    p99Ms: inbox.p99,
    meP50Ms: me.p50,
    meP99Ms: me.p99,
    samples: inbox.count,
    rows: seeded.tasks,
    inboxTotal: run.inboxTotal,
    seedSeconds: seeded.seconds,
    plans: run.plans,
  };
}
